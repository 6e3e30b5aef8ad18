package org.pacemaker.telemetry;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pacemaker.schema.TelemetryField;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores telemetry batches. */
@Repository
class TelemetryRepository {

    /** PostgreSQL's SQLSTATE for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The fast path for a request whose rows are all new: the rows in PostgreSQL's binary COPY format,
     * in one statement, so all or none are stored. A row already stored (or stored meanwhile by a
     * concurrent request) fails it with a unique violation, and {@link #INSERT_NEW_ROWS} then decides.
     */
    static final String COPY_ROWS = "COPY pacemaker_telemetry (id, %s) FROM STDIN (FORMAT binary)"
            .formatted(columns(TelemetryRepository::quoted));

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

    /**
     * After a COPY met a stored row, the next requests are likely repeats too (a replay run again), so
     * this many go straight to the INSERT before COPY is tried again.
     */
    static final int SKIP_COPY_AFTER_CONFLICT = 16;

    private final JdbcTemplate jdbc;
    private final AtomicInteger copySkips = new AtomicInteger();

    TelemetryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the rows whose (patient_id, timestamp) is not stored yet; returns how many were. Tries
     * COPY first, which stores every row or none; when one of them is stored already, the set-based
     * INSERT ... ON CONFLICT DO NOTHING stores the rest and counts them.
     */
    int insertNew(TelemetryBatch batch) {
        Integer inserted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            UUID[] ids = new UUID[batch.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = TimeOrderedIds.next();
            }
            // A failed COPY ends its transaction, so it goes first only where it is a transaction alone.
            if (connection.getAutoCommit() && tryCopy()) {
                try {
                    return copyAll(connection, batch, ids);
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // Nothing of this request was stored (the COPY was its own transaction).
                    copySkips.set(SKIP_COPY_AFTER_CONFLICT);
                }
            }
            return insertNewRows(connection, batch, ids);
        });
        return inserted == null ? 0 : inserted;
    }

    private boolean tryCopy() {
        return copySkips.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
    }

    private static int copyAll(Connection connection, TelemetryBatch batch, UUID[] ids) throws SQLException {
        byte[] rows = BinaryCopyRows.encode(batch, ids);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_ROWS);
        try {
            copy.writeToCopy(rows, 0, rows.length);
            return Math.toIntExact(copy.endCopy());
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static int insertNewRows(Connection connection, TelemetryBatch batch, UUID[] ids) throws SQLException {
        // pgjdbc's own createArrayOf takes primitive arrays and sends them in binary, unboxed.
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW_ROWS)) {
            insert.setArray(1, postgres.createArrayOf("uuid", ids));
            for (TelemetryField field : TelemetryField.all()) {
                insert.setArray(
                        field.ordinal() + 2, postgres.createArrayOf(sqlElementType(field), batch.column(field)));
            }
            return insert.executeUpdate();
        }
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
        return count == null ? 0 : count;
    }

    private static String columns(Function<TelemetryField, String> column) {
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

    /**
     * PostgreSQL's binary COPY format (the COPY documentation, "Binary Format"): a header, then per row
     * the field count and each field as its length and its binary send format, -1 for null.
     */
    static final class BinaryCopyRows {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
        private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

        private static final int MAX_ROW_BYTES =
                2 + (4 + 16) + TelemetryField.all().size() * (4 + 8);

        private BinaryCopyRows() {}

        /**
         * The rows' indexes in (patient_id, timestamp) order, the order INSERT_NEW_ROWS uses too, so
         * that concurrent requests with overlapping rows lock index entries in one order and cannot
         * deadlock. A replay's day batch usually comes sorted already.
         */
        static int[] keyOrder(int[] patientIds, long[] timestamps, int size) {
            Comparator<Integer> byKey =
                    Comparator.<Integer>comparingInt(i -> patientIds[i]).thenComparingLong(i -> timestamps[i]);
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = byKey.compare(i - 1, i) <= 0;
            }
            IntStream rows = IntStream.range(0, size);
            return sorted
                    ? rows.toArray()
                    : rows.boxed().sorted(byKey).mapToInt(Integer::intValue).toArray();
        }

        static byte[] encode(TelemetryBatch batch, UUID[] ids) {
            int size = batch.size();
            ByteBuffer out = ByteBuffer.allocate(SIGNATURE.length + 8 + size * MAX_ROW_BYTES + 2);
            out.put(SIGNATURE).putInt(0).putInt(0);
            int fields = 1 + TelemetryField.all().size();
            int[] patientIds = (int[]) batch.column(TelemetryField.PATIENT_ID);
            long[] timestamps = (long[]) batch.column(TelemetryField.TIMESTAMP);
            Object[] columns = new Object[TelemetryField.all().size()];
            for (TelemetryField field : TelemetryField.all()) {
                columns[field.ordinal()] = batch.column(field);
            }
            int[] order = keyOrder(patientIds, timestamps, size);
            for (int written = 0; written < size; written++) {
                int row = order[written];
                UUID id = ids[written];
                out.putShort((short) fields);
                out.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
                for (TelemetryField field : TelemetryField.all()) {
                    Object column = columns[field.ordinal()];
                    switch (field.kind()) {
                        case PATIENT_ID -> out.putInt(4).putInt(patientIds[row]);
                        case UNIX_SECONDS ->
                            out.putInt(8).putLong((timestamps[row] - POSTGRES_EPOCH_SECONDS) * 1_000_000L);
                        case MEASUREMENT -> out.putInt(8).putDouble(((double[]) column)[row]);
                        case LABEL -> {
                            Short label = ((Short[]) column)[row];
                            if (label == null) {
                                out.putInt(-1);
                            } else {
                                out.putInt(2).putShort(label);
                            }
                        }
                        case FEATURE -> {
                            Double value = ((Double[]) column)[row];
                            if (value == null) {
                                out.putInt(-1);
                            } else {
                                out.putInt(8).putDouble(value);
                            }
                        }
                    }
                }
            }
            out.putShort((short) -1);
            return Arrays.copyOf(out.array(), out.position());
        }
    }
}
