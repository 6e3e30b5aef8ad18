package org.pacemaker.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pacemaker.schema.PatientIds;
import org.pacemaker.schema.Reading;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads stored telemetry: pages, a streaming export and the figures of {@code /stats}. */
@Repository
class TelemetryReadRepository {

    static final String ORDER = "ORDER BY t.\"timestamp\", t.patient_id";

    static final String COUNTS = """
            SELECT count(*) AS row_count,
                   extract(epoch FROM min("timestamp"))::bigint AS first_timestamp,
                   extract(epoch FROM max("timestamp"))::bigint AS last_timestamp
            FROM pacemaker_telemetry""";

    /** Distinct patients by hopping along the (patient_id, timestamp) index: one probe per patient. */
    static final String PATIENT_COUNT = PatientIds.CTE + "SELECT count(patient_id) FROM p";

    static final String ROWS_PER_DAY = """
            SELECT (t."timestamp" AT TIME ZONE 'UTC')::date AS day, count(*) AS row_count
            FROM pacemaker_telemetry t
            WHERE t."timestamp" >= ?
            GROUP BY 1 ORDER BY 1""";

    static final String RECENT_INGEST = """
            SELECT count(*) AS row_count, max(created_at) AS last_inserted_at
            FROM pacemaker_telemetry
            WHERE created_at > now() - ? * interval '1 second'""";

    static final String LAST_INSERT = "SELECT created_at FROM pacemaker_telemetry ORDER BY created_at DESC LIMIT 1";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    TelemetryReadRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    static String pageQuery(TelemetryFilter filter, Cursor after, List<Object> params) {
        return "SELECT " + Reading.selectList("t") + " FROM pacemaker_telemetry t " + filter.where(after, params) + " "
                + ORDER + " LIMIT ?";
    }

    /** Up to {@code limit} rows after the cursor, in (timestamp, patient_id) order. */
    List<Reading> page(TelemetryFilter filter, Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = pageQuery(filter, after, params);
        params.add(limit);
        return jdbc.sql(sql).params(params).query((row, n) -> Reading.of(row)).list();
    }

    static String exportQuery(TelemetryFilter filter, List<Object> params) {
        return "SELECT " + Reading.selectList("t") + " FROM pacemaker_telemetry t " + filter.where(null, params) + " "
                + ORDER;
    }

    /**
     * Hands every matching row to {@code sink} in order while it streams from a database cursor, at
     * most {@code fetchSize} rows in memory at a time. PostgreSQL's driver uses a cursor only inside
     * a transaction, hence the read-only one.
     */
    void export(TelemetryFilter filter, int fetchSize, Consumer<Reading> sink) {
        List<Object> params = new ArrayList<>();
        String sql = exportQuery(filter, params);
        readOnly.executeWithoutResult(
                status -> jdbc.sql(sql).params(params).withFetchSize(fetchSize).query((RowCallbackHandler)
                        row -> sink.accept(Reading.of(row))));
    }

    record Totals(long rows, Long firstTimestamp, Long lastTimestamp) {}

    record Recent(long rows, Instant lastInsertedAt) {}

    Totals totals() {
        return jdbc.sql(COUNTS)
                .query((row, n) ->
                        new Totals(row.getLong("row_count"), (Long) row.getObject("first_timestamp", Long.class), (Long)
                                row.getObject("last_timestamp", Long.class)))
                .single();
    }

    long patients() {
        return jdbc.sql(PATIENT_COUNT).query(Long.class).single();
    }

    /** Rows per UTC day over the {@code days} days up to the day of {@code lastTimestamp}. */
    List<TelemetryStats.Day> rowsPerDay(long lastTimestamp, int days) {
        LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochSecond(lastTimestamp), ZoneOffset.UTC);
        Instant since = lastDay.minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
        return jdbc.sql(ROWS_PER_DAY)
                .param(TelemetryFilter.utc(since))
                .query((row, n) ->
                        new TelemetryStats.Day(row.getObject("day", LocalDate.class), row.getLong("row_count")))
                .list();
    }

    /** Rows stored within the last {@code seconds}, and the newest insert. */
    Recent recent(int seconds) {
        return jdbc.sql(RECENT_INGEST)
                .param(seconds)
                .query((row, n) -> new Recent(row.getLong("row_count"), instant(row.getObject("last_inserted_at"))))
                .single();
    }

    Instant lastInsertedAt() {
        return jdbc.sql(LAST_INSERT)
                .query((row, n) -> instant(row.getObject(1)))
                .optional()
                .orElse(null);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
