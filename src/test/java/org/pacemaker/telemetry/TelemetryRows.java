package org.pacemaker.telemetry;

import java.util.Arrays;
import java.util.stream.Collectors;

/** JSON rows for tests. */
final class TelemetryRows {

    private TelemetryRows() {}

    /** A valid row with the four required measurements and nothing else. */
    static String row(int patientId, long timestamp) {
        return """
                {"patient_id":%d,"timestamp":%d,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,\
                "r_wave_sensing_mv":13.15,"battery_voltage_v":2.97}""".formatted(patientId, timestamp);
    }

    /** A valid row with one field replaced by the given JSON text, or removed when it is null. */
    static String rowWith(String field, String json) {
        String row = row(7, 1_700_000_000L);
        String body = row.substring(1, row.length() - 1);
        String kept = Arrays.stream(body.split(","))
                .filter(pair -> !pair.startsWith("\"" + field + "\":"))
                .collect(Collectors.joining(","));
        return "{" + kept + (json == null ? "" : ",\"" + field + "\":" + json) + "}";
    }

    static String array(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }
}
