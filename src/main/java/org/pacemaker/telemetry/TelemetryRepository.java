package org.pacemaker.telemetry;

import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pacemaker.schema.TelemetryField;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores telemetry batches. */
@Repository
class TelemetryRepository {

    /**
     * One statement per batch: each column travels as one array, unnest turns them back into rows, and
     * the unique (patient_id, timestamp) constraint decides which rows are new, also against
     * concurrent requests. Rows go in in key order, so concurrent requests with overlapping rows take
     * their index locks in the same order and wait for each other instead of deadlocking.
     */
    static final String INSERT_NEW_ROWS = """
            INSERT INTO pacemaker_telemetry (id, %s)
            SELECT u.id, %s
            FROM unnest(?::uuid[], %s) AS u(id, %s)
            ORDER BY u.patient_id, u."timestamp"
            ON CONFLICT (patient_id, "timestamp") DO NOTHING""".formatted(
                    columns(f -> quoted(f)),
                    columns(f -> f == TelemetryField.TIMESTAMP ? "to_timestamp(u.\"timestamp\")" : "u." + quoted(f)),
                    columns(f -> "?::" + sqlArrayType(f)),
                    columns(f -> quoted(f)));

    private final JdbcTemplate jdbc;

    TelemetryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows whose (patient_id, timestamp) is not stored yet; returns how many were. */
    int insertNew(TelemetryBatch batch) {
        Integer inserted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            // pgjdbc's own createArrayOf takes primitive arrays and sends them in binary, unboxed.
            PGConnection postgres = connection.unwrap(PGConnection.class);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW_ROWS)) {
                UUID[] ids = new UUID[batch.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = TimeOrderedIds.next();
                }
                insert.setArray(1, postgres.createArrayOf("uuid", ids));
                for (TelemetryField field : TelemetryField.all()) {
                    insert.setArray(
                            field.ordinal() + 2, postgres.createArrayOf(sqlElementType(field), batch.column(field)));
                }
                return insert.executeUpdate();
            }
        });
        return inserted == null ? 0 : inserted;
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
        return count == null ? 0 : count;
    }

    private static String columns(java.util.function.Function<TelemetryField, String> column) {
        return TelemetryField.all().stream().map(column).collect(Collectors.joining(", "));
    }

    private static String quoted(TelemetryField field) {
        return '"' + field.jsonName() + '"';
    }

    private static String sqlElementType(TelemetryField field) {
        return switch (field.kind()) {
            case PATIENT_ID -> "int4";
            case UNIX_SECONDS -> "int8";
            case LABEL -> "int2";
            case MEASUREMENT, FEATURE -> "float8";
        };
    }

    private static String sqlArrayType(TelemetryField field) {
        return sqlElementType(field) + "[]";
    }
}
