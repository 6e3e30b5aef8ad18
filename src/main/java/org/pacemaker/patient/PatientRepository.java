package org.pacemaker.patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pacemaker.schema.PatientIds;
import org.pacemaker.schema.Reading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients are the distinct patient ids of the telemetry; their latest readings come off the index. */
@Repository
class PatientRepository {

    /** A patient's latest reading with its count, both from the (patient_id, timestamp) index. */
    private static final String LATEST_AND_COUNT = """
            CROSS JOIN LATERAL (SELECT * FROM pacemaker_telemetry t WHERE t.patient_id = p.patient_id
                                ORDER BY t."timestamp" DESC LIMIT 1) l
            CROSS JOIN LATERAL (SELECT count(*) AS reading_count FROM pacemaker_telemetry t
                                WHERE t.patient_id = p.patient_id) c""";

    /** Every patient: hops along the index from one patient id to the next, then looks each one up. */
    static final String ALL = PatientIds.CTE + """
            SELECT %s, c.reading_count FROM p
            %s
            WHERE p.patient_id IS NOT NULL
            ORDER BY p.patient_id""".formatted(Reading.selectList("l"), LATEST_AND_COUNT);

    static final String ONE = """
            SELECT %s, c.reading_count FROM (SELECT ?::integer AS patient_id) p
            %s""".formatted(Reading.selectList("l"), LATEST_AND_COUNT);

    static final String NEWEST = """
            SELECT extract(epoch FROM "timestamp")::bigint FROM pacemaker_telemetry
            ORDER BY "timestamp" DESC LIMIT 1""";

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(Reading latest, long readingCount) {}

    List<Stored> all() {
        return jdbc.sql(ALL)
                .query((row, n) -> new Stored(Reading.of(row), row.getLong("reading_count")))
                .list();
    }

    Optional<Stored> one(int patientId) {
        return jdbc.sql(ONE)
                .param(patientId)
                .query((row, n) -> new Stored(Reading.of(row), row.getLong("reading_count")))
                .optional();
    }

    /** The newest reading of any patient, Unix seconds; null when nothing is stored. */
    Long newestTimestamp() {
        return jdbc.sql(NEWEST).query(Long.class).optional().orElse(null);
    }

    static String seriesQuery(Instant from, Instant to, List<Object> params) {
        StringBuilder where = new StringBuilder("t.patient_id = ?");
        if (from != null) {
            where.append(" AND t.\"timestamp\" >= ?");
            params.add(from.atOffset(java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND t.\"timestamp\" < ?");
            params.add(to.atOffset(java.time.ZoneOffset.UTC));
        }
        return "SELECT * FROM (SELECT " + Reading.selectList("t") + " FROM pacemaker_telemetry t WHERE " + where
                + " ORDER BY t.\"timestamp\" DESC LIMIT ?) s ORDER BY s.\"timestamp\"";
    }

    /** The latest {@code limit} readings of the patient in {@code [from, to)}, oldest first. */
    List<Reading> series(int patientId, Instant from, Instant to, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(patientId);
        String sql = seriesQuery(from, to, params);
        params.add(limit);
        return jdbc.sql(sql).params(params).query((row, n) -> Reading.of(row)).list();
    }
}
