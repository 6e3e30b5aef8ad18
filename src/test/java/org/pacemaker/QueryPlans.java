package org.pacemaker;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of realistic shape for EXPLAIN tests: 200 patients x 250 daily readings, inserted
 * set-based and analyzed, stored over time (the last day's rows within the last minutes), so the
 * planner chooses as it would in production rather than for an empty table.
 */
public final class QueryPlans {

    public static final int PATIENTS = 200;
    public static final int DAYS = 250;
    public static final long FIRST_TIMESTAMP = 1_745_000_000L;

    private QueryPlans() {}

    public static void fill(JdbcTemplate jdbc) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
        if (rows != null && rows == (long) PATIENTS * DAYS) {
            return;
        }
        jdbc.update("TRUNCATE pacemaker_telemetry");
        jdbc.update("""
                INSERT INTO pacemaker_telemetry (created_at, patient_id, "timestamp", lead_impedance_ohms,
                    capture_threshold_v, r_wave_sensing_mv, battery_voltage_v, target_fail_next_7d,
                    lead_impedance_ohms_rolling_mean_3d, lead_impedance_ohms_rolling_mean_7d,
                    capture_threshold_v_rolling_mean_3d, capture_threshold_v_rolling_mean_7d,
                    lead_impedance_ohms_delta_per_day_3d, lead_impedance_ohms_delta_per_day_7d,
                    capture_threshold_v_delta_per_day_3d, capture_threshold_v_delta_per_day_7d)
                SELECT now() - ((? - 1 - d) * 600 + p) * interval '1 second', p, to_timestamp(? + d * 86400),
                       500 + random() * 60, 0.7, 12, 2.95, 0, 500, 500, 0.7, 0.7, 0.1, 0.1, 0.01, 0.01
                FROM generate_series(0, ? - 1) d, generate_series(0, ? - 1) p""", DAYS, FIRST_TIMESTAMP, DAYS, PATIENTS);
        jdbc.execute("VACUUM ANALYZE pacemaker_telemetry");
    }

    /** The plan PostgreSQL chooses for the statement with these parameters, as text. */
    public static String explain(JdbcTemplate jdbc, String sql, List<Object> params) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, params.toArray()));
    }
}
