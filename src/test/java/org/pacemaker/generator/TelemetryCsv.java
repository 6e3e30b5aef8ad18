package org.pacemaker.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pacemaker.schema.TelemetryField;

/** A generated (or the original's) telemetry CSV read back for checking, cells kept as printed. */
record TelemetryCsv(String header, List<Row> rows) {

    record Row(String[] cells) {

        String cell(TelemetryField field) {
            return cells[field.ordinal()];
        }

        int patient() {
            return Integer.parseInt(cell(TelemetryField.PATIENT_ID));
        }

        long timestamp() {
            return Long.parseLong(cell(TelemetryField.TIMESTAMP));
        }

        double number(TelemetryField field) {
            return Double.parseDouble(cell(field));
        }

        boolean labelled() {
            return cell(TelemetryField.TARGET_FAIL_NEXT_7D).equals("1");
        }
    }

    static TelemetryCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Row> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            rows.add(new Row(line.split(",", -1)));
        }
        return new TelemetryCsv(lines.get(0), rows);
    }

    /** Each patient's rows in time order. */
    Map<Integer, List<Row>> byPatient() {
        return rows.stream().collect(Collectors.groupingBy(Row::patient, LinkedHashMap::new, Collectors.toList()));
    }

    long firstTimestamp() {
        return rows.get(0).timestamp();
    }
}
