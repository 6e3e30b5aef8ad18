package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacemaker.telemetry.TelemetryRows.array;
import static org.pacemaker.telemetry.TelemetryRows.row;
import static org.pacemaker.telemetry.TelemetryRows.rowWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pacemaker.schema.TelemetryField;

class TelemetryBatchParserTests {

    static TelemetryBatch parse(String json) {
        return TelemetryBatchParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static InvalidBatchException refusal(String json) {
        try {
            parse(json);
        } catch (InvalidBatchException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsEveryColumnOfAValidRow() {
        String full = """
                [{"patient_id":3,"timestamp":1754352000,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,
                  "r_wave_sensing_mv":13.15,"battery_voltage_v":2.97,"target_fail_next_7d":1,
                  "lead_impedance_ohms_rolling_mean_3d":514.9,"lead_impedance_ohms_rolling_mean_7d":510,
                  "capture_threshold_v_rolling_mean_3d":0.61,"capture_threshold_v_rolling_mean_7d":0.62,
                  "lead_impedance_ohms_delta_per_day_3d":-1.5,"lead_impedance_ohms_delta_per_day_7d":null,
                  "capture_threshold_v_delta_per_day_3d":0.0001,"some_future_field":{"nested":[1,2]}}]""";

        TelemetryBatch batch = parse(full);

        assertThat(batch.size()).isEqualTo(1);
        assertThat((int[]) batch.column(TelemetryField.PATIENT_ID)).containsExactly(3);
        assertThat((long[]) batch.column(TelemetryField.TIMESTAMP)).containsExactly(1754352000L);
        assertThat((double[]) batch.column(TelemetryField.R_WAVE_SENSING_MV)).containsExactly(13.15);
        assertThat((Short[]) batch.column(TelemetryField.TARGET_FAIL_NEXT_7D)).containsExactly((short) 1);
        assertThat((Double[]) batch.column(TelemetryField.LEAD_IMPEDANCE_OHMS_ROLLING_MEAN_7D))
                .containsExactly(510.0);
        assertThat((Double[]) batch.column(TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D))
                .containsExactly((Double) null);
        assertThat((Double[]) batch.column(TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D))
                .containsExactly((Double) null);
    }

    @Test
    void keepsTheFirstOfRowsRepeatingAPairAndCountsTheRest() {
        TelemetryBatch batch = parse(array(row(1, 10), row(2, 10), row(1, 10), row(1, 11), row(2, 10)));

        assertThat(batch.receivedCount()).isEqualTo(5);
        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.duplicateInPayloadCount()).isEqualTo(2);
        assertThat((int[]) batch.column(TelemetryField.PATIENT_ID)).containsExactly(1, 2, 1);
        assertThat((long[]) batch.column(TelemetryField.TIMESTAMP)).containsExactly(10L, 10L, 11L);
    }

    @Test
    void acceptsTheLargestAllowedValues() {
        String row = rowWith("patient_id", "2147483647").replace("1700000000", "253402300799");

        assertThat(parse(array(row)).size()).isEqualTo(1);
    }

    @Test
    void acceptsExactly2000Rows() {
        String[] rows = new String[2000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(i, 1_700_000_000L);
        }

        assertThat(parse(array(rows)).size()).isEqualTo(2000);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("patient_id", "-1", "must be an integer from 0 to 2147483647, got -1"),
                Arguments.of("patient_id", "2147483648", "got 2147483648"),
                Arguments.of("patient_id", "99999999999999999999999", "must be an integer"),
                Arguments.of("patient_id", "1.5", "must be an integer"),
                Arguments.of("patient_id", "\"7\"", "got the string \"7\""),
                Arguments.of("patient_id", "true", "got true"),
                Arguments.of("patient_id", "null", "is required, got null"),
                Arguments.of("patient_id", null, "is required"),
                Arguments.of("timestamp", "\"2024-01-01T00:00:00Z\"", "got the string \"2024-01-01T00:00:00Z\""),
                Arguments.of("timestamp", "-1", "whole Unix seconds"),
                Arguments.of("timestamp", "1700000000.5", "whole Unix seconds"),
                Arguments.of("timestamp", "253402300800", "whole Unix seconds"),
                Arguments.of("timestamp", null, "is required"),
                Arguments.of("lead_impedance_ohms", "1e400", "must be a finite number, got 1e400"),
                Arguments.of("lead_impedance_ohms", "-1e400", "must be a finite number"),
                Arguments.of("capture_threshold_v", "\"0.7\"", "must be a number, got the string \"0.7\""),
                Arguments.of("r_wave_sensing_mv", "[12]", "must be a number, got an array"),
                Arguments.of("battery_voltage_v", "{\"v\":2.9}", "must be a number, got an object"),
                Arguments.of("battery_voltage_v", "null", "is required, got null"),
                Arguments.of("battery_voltage_v", null, "is required"),
                Arguments.of("target_fail_next_7d", "2", "must be 0 or 1, got 2"),
                Arguments.of("target_fail_next_7d", "-1", "must be 0 or 1"),
                Arguments.of("target_fail_next_7d", "0.5", "must be 0 or 1"),
                Arguments.of("target_fail_next_7d", "true", "must be 0 or 1, got true"),
                Arguments.of("lead_impedance_ohms_rolling_mean_3d", "\"x\"", "must be a number"),
                Arguments.of("capture_threshold_v_delta_per_day_7d", "1e999", "must be a finite number"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void namesTheRowAndFieldOfABadValue(String field, String json, String expected) {
        InvalidBatchException e = refusal(array(row(1, 1), rowWith(field, json)));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(1);
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(expected);
        });
        assertThat(e.getMessage()).contains("row 1, " + field + ": ");
    }

    @Test
    void listsEveryProblemOfEveryRow() {
        String body = array(rowWith("timestamp", "\"soon\""), row(2, 2), "42", rowWith("battery_voltage_v", null));

        InvalidBatchException e =
                refusal(body.replace("\"lead_impedance_ohms\":514.9", "\"lead_impedance_ohms\":\"high\""));

        assertThat(e.violations())
                .extracting(Violation::row, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "lead_impedance_ohms"),
                        org.assertj.core.groups.Tuple.tuple(0, "timestamp"),
                        org.assertj.core.groups.Tuple.tuple(1, "lead_impedance_ohms"),
                        org.assertj.core.groups.Tuple.tuple(2, null),
                        org.assertj.core.groups.Tuple.tuple(3, "lead_impedance_ohms"),
                        org.assertj.core.groups.Tuple.tuple(3, "battery_voltage_v"));
        assertThat(e.getMessage()).startsWith("6 problems in the request body, nothing was stored: ");
    }

    @Test
    void refusesAFieldGivenTwiceInOneRow() {
        String row = row(1, 1);
        String twice = row.substring(0, row.length() - 1) + ",\"patient_id\":2}";

        assertThat(refusal(array(twice)).violations())
                .singleElement()
                .extracting(Violation::field, Violation::message)
                .containsExactly("patient_id", "appears more than once in the row");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("", "must be a JSON array of telemetry rows, got an empty body"),
                Arguments.of("{}", "must be a JSON array of telemetry rows, got an object"),
                Arguments.of("\"rows\"", "got a string"),
                Arguments.of("[]", "must contain at least 1 row"),
                Arguments.of("[" + row(1, 1), "is not valid JSON"),
                Arguments.of("[" + row(1, 1) + "]]", "is not valid JSON"),
                Arguments.of("[" + row(1, 1) + "] []", "has content after the closing ]"),
                Arguments.of("[{\"patient_id\":NaN}]", "is not valid JSON"),
                Arguments.of("[{\"patient_id\":1,}]", "is not valid JSON"),
                Arguments.of("[{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}]", "could not be read"),
                Arguments.of(
                        "[" + String.join(",", Collections.nCopies(2001, row(1, 1))) + "]", "more than 2000 rows"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badBodies")
    void refusesABodyThatIsNotAnArrayOfOneTo2000Rows(String body, String expected) {
        assertThat(refusal(body).violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isNull();
            assertThat(v.message()).contains(expected);
        });
    }

    @Test
    void refusesHugeStringsAndFieldNamesEvenInUnknownFields() {
        String row = row(1, 1);
        String withHugeValue = row.substring(0, row.length() - 1) + ",\"note\":\"" + "x".repeat(70_000) + "\"}";
        String withHugeName = row.substring(0, row.length() - 1) + ",\"" + "k".repeat(1001) + "\":1}";

        assertThat(refusal(array(withHugeValue)).violations())
                .singleElement()
                .extracting(Violation::message)
                .isEqualTo("has a string longer than 65536 characters");
        assertThat(refusal(array(withHugeName)).violations())
                .singleElement()
                .extracting(Violation::message)
                .isEqualTo("has a field name longer than 1000 characters");
    }

    @Test
    void namesTheNestingLimitWithoutJacksonSettingNames() {
        assertThatThrownBy(() -> parse("[{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}]"))
                .hasMessageContaining("nesting depth")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void saysWhereJsonBreaksWithoutJacksonInternals() {
        assertThatThrownBy(() -> parse("[\n{\"patient_id\": 1,,}]"))
                .hasMessageContaining("line 2, column")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("REDACTED");
    }
}
