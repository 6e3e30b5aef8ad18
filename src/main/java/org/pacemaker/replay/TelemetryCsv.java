package org.pacemaker.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.core.io.NumberInput;

/**
 * Reads a telemetry CSV row by row: the generator's column names or snake_case ones, unknown columns
 * ignored, empty cells as missing values. Every row is checked against what the ingest API accepts,
 * so a file that passes here is not refused for its values later.
 */
final class TelemetryCsv implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] columnOf = new int[TelemetryField.all().size()];
    private final List<String> ignoredColumns = new ArrayList<>();

    private TelemetryCsv(String file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** Opens the file and maps its header; refuses a header that lacks a required column. */
    static TelemetryCsv open(Path path) {
        String file = path.toString();
        Reader reader;
        try {
            reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidCsvException(file, List.of(new CsvProblem(0, null, "cannot be read: " + e)), 1);
        }
        try {
            TelemetryCsv csv = new TelemetryCsv(file, FORMAT.parse(reader));
            csv.mapColumns();
            return csv;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(reader);
            throw new InvalidCsvException(file, List.of(new CsvProblem(1, null, "header unreadable: " + e)), 1);
        } catch (InvalidCsvException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private void mapColumns() {
        Arrays.fill(columnOf, -1);
        List<String> names = parser.getHeaderNames();
        if (names.isEmpty()) {
            throw new InvalidCsvException(file, List.of(new CsvProblem(1, null, "the file is empty")), 1);
        }
        List<CsvProblem> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            // a byte order mark from spreadsheet tools would otherwise hide the first column
            TelemetryField field =
                    TelemetryField.byAnyName(names.get(i).replace("\uFEFF", "").strip());
            if (field == null) {
                ignoredColumns.add(names.get(i));
                continue;
            }
            if (columnOf[field.ordinal()] >= 0) {
                problems.add(new CsvProblem(1, field.csvName(), "appears more than once in the header"));
            }
            columnOf[field.ordinal()] = i;
        }
        for (TelemetryField field : TelemetryField.required()) {
            if (columnOf[field.ordinal()] < 0) {
                problems.add(new CsvProblem(
                        1,
                        field.csvName(),
                        "required column is missing (named " + field.csvName() + " or " + field.jsonName() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCsvException(file, problems, problems.size());
        }
    }

    String file() {
        return file;
    }

    /** Header names that are no telemetry column; their cells are not sent. */
    List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new InvalidCsvException(
                    file,
                    List.of(new CsvProblem(
                            parser.getCurrentLineNumber(),
                            null,
                            "not valid CSV: " + e.getCause().getMessage())),
                    1);
        }
    }

    /** The next row; null when it has problems, which go to {@code problems}. */
    CsvRow next(Consumer<CsvProblem> problems) {
        CSVRecord record = records.next();
        // the header is line 1 and the generator never quotes line breaks into cells
        long line = record.getRecordNumber() + 1;
        return parse(line, record, problems);
    }

    private CsvRow parse(long line, CSVRecord record, Consumer<CsvProblem> problems) {
        double[] values = new double[columnOf.length];
        boolean valid = true;
        for (TelemetryField field : TelemetryField.all()) {
            int column = columnOf[field.ordinal()];
            String text =
                    column >= 0 && column < record.size() ? record.get(column).strip() : "";
            if (column >= record.size() && field.kind().required()) {
                problems.accept(
                        new CsvProblem(line, field.csvName(), "missing: the row has " + record.size() + " cells only"));
                valid = false;
                continue;
            }
            String problem = parseValue(field, text, values);
            if (problem != null) {
                problems.accept(new CsvProblem(line, field.csvName(), problem));
                valid = false;
            }
        }
        return valid ? new CsvRow(line, values) : null;
    }

    /** Stores the cell's value in {@code values}; returns what is wrong with it, or null. */
    private static String parseValue(TelemetryField field, String text, double[] values) {
        int i = field.ordinal();
        if (text.isEmpty()) {
            values[i] = Double.NaN;
            return field.kind().required() ? "is required, the cell is empty" : null;
        }
        double value = isPlainDecimal(text) ? NumberInput.parseDouble(text, true) : Double.NaN;
        if (!Double.isFinite(value)) {
            return "\"" + shown(text) + "\" is not a number";
        }
        values[i] = value;
        return switch (field.kind()) {
            case PATIENT_ID -> wholeIn(value, 0, Integer.MAX_VALUE) ? null : "must be an integer from 0 to 2147483647";
            case UNIX_SECONDS ->
                wholeIn(value, 0, TelemetryField.MAX_UNIX_SECONDS)
                        ? null
                        : "must be whole Unix seconds from 0 to " + TelemetryField.MAX_UNIX_SECONDS;
            case LABEL -> value == 0 || value == 1 ? null : "must be 0 or 1";
            case MEASUREMENT, FEATURE -> null;
        };
    }

    /**
     * Plain decimal notation only, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}: Double.parseDouble would
     * also take "NaN", hex and "1d". Checked by hand: a regular expression here was a third of the
     * replay client's CPU time.
     */
    static boolean isPlainDecimal(String text) {
        int i = 0;
        int end = text.length();
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < end && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < end && text.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Pandas writes integer columns that had gaps as floats ("17.0"), so a whole float counts. */
    private static boolean wholeIn(double value, long min, long max) {
        return value == Math.rint(value) && value >= min && value <= max;
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Reader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }
}
