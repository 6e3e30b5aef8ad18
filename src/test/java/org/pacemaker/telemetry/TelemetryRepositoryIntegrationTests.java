package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;

/** The two ways a batch is stored: COPY when every row is new, INSERT ... ON CONFLICT otherwise. */
class TelemetryRepositoryIntegrationTests extends ApiIntegrationTest {

    private static final int PATIENT = 424_242;

    private static final String ROWS = """
            [{"patient_id":424242,"timestamp":0,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,
              "r_wave_sensing_mv":13.15,"battery_voltage_v":2.97,"target_fail_next_7d":1,
              "lead_impedance_ohms_rolling_mean_3d":514.9,"capture_threshold_v_delta_per_day_7d":-0.0143},
             {"patient_id":424242,"timestamp":253402300799,"lead_impedance_ohms":-1e-300,"capture_threshold_v":1e300,
              "r_wave_sensing_mv":0,"battery_voltage_v":-0.0,"target_fail_next_7d":null,
              "lead_impedance_ohms_rolling_mean_7d":1.5,"capture_threshold_v_rolling_mean_3d":2.5,
              "capture_threshold_v_rolling_mean_7d":3.5,"lead_impedance_ohms_delta_per_day_3d":4.5,
              "lead_impedance_ohms_delta_per_day_7d":5.5,"capture_threshold_v_delta_per_day_3d":6.5},
             {"patient_id":424242,"timestamp":946684799,"lead_impedance_ohms":1,"capture_threshold_v":2,
              "r_wave_sensing_mv":3,"battery_voltage_v":4,"target_fail_next_7d":0}]""";

    private static final String STORED_ROW = """
            {"patient_id":424242,"timestamp":1700000000,"lead_impedance_ohms":1,"capture_threshold_v":2,
              "r_wave_sensing_mv":3,"battery_voltage_v":4}""";

    @BeforeEach
    void emptyPatient() {
        jdbc.update("DELETE FROM pacemaker_telemetry WHERE patient_id = ?", PATIENT);
    }

    private static TelemetryBatch batch(String json) {
        return TelemetryBatchParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Map<String, Object>> storedRows() {
        return jdbc.queryForList("""
                SELECT extract(epoch FROM "timestamp")::bigint AS ts, * FROM pacemaker_telemetry
                WHERE patient_id = ? AND "timestamp" <> to_timestamp(1700000000) ORDER BY "timestamp\"""", PATIENT);
    }

    private static List<Map<String, Object>> withoutIdAndCreatedAt(List<Map<String, Object>> rows) {
        rows.forEach(row -> {
            row.remove("id");
            row.remove("created_at");
        });
        return rows;
    }

    @Test
    void copyAndTheFallbackInsertStoreTheSameValuesAndCountExactly() {
        // All new: one COPY stores them.
        TelemetryRepository repository = new TelemetryRepository(jdbc);
        assertThat(repository.insertNew(batch(ROWS))).isEqualTo(3);
        List<Map<String, Object>> copied = storedRows();
        assertThat(copied).hasSize(3);
        assertThat(copied).extracting(row -> row.get("ts")).containsExactly(0L, 946_684_799L, 253_402_300_799L);
        assertThat(copied)
                .allSatisfy(
                        row -> assertThat(row.get("id").toString().charAt(14)).isEqualTo('7'));
        assertThat(copied.get(0).get("target_fail_next_7d")).isEqualTo(1);
        assertThat(copied.get(0).get("capture_threshold_v_delta_per_day_7d")).isEqualTo(-0.0143);
        assertThat(copied.get(0).get("lead_impedance_ohms_rolling_mean_7d")).isNull();
        assertThat(copied.get(1).get("target_fail_next_7d")).isEqualTo(0);
        assertThat(copied.get(2).get("target_fail_next_7d")).isNull();
        assertThat(copied.get(2).get("lead_impedance_ohms")).isEqualTo(-1e-300);
        assertThat(copied.get(2).get("lead_impedance_ohms_rolling_mean_3d")).isNull();
        assertThat(copied.get(2).get("capture_threshold_v_delta_per_day_3d")).isEqualTo(6.5);

        // One row stored already: the COPY fails on it, stores nothing, and the INSERT stores the rest.
        jdbc.update("DELETE FROM pacemaker_telemetry WHERE patient_id = ?", PATIENT);
        TelemetryRepository fresh = new TelemetryRepository(jdbc);
        assertThat(fresh.insertNew(batch("[" + STORED_ROW + "]"))).isEqualTo(1);
        String withStoredRow = ROWS.substring(0, ROWS.lastIndexOf(']')) + "," + STORED_ROW + "]";
        assertThat(fresh.insertNew(batch(withStoredRow))).isEqualTo(3);
        assertThat(withoutIdAndCreatedAt(storedRows())).isEqualTo(withoutIdAndCreatedAt(copied));

        // Right after a conflict the INSERT goes first; its count is exact too.
        assertThat(fresh.insertNew(batch(withStoredRow))).isZero();
        jdbc.update(
                "DELETE FROM pacemaker_telemetry WHERE patient_id = ? AND \"timestamp\" = to_timestamp(0)", PATIENT);
        assertThat(fresh.insertNew(batch(withStoredRow))).isEqualTo(1);
        assertThat(storedRows()).hasSize(3);
    }
}
