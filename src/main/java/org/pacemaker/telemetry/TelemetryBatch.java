package org.pacemaker.telemetry;

import java.util.Arrays;
import org.pacemaker.schema.TelemetryField;

/**
 * The valid rows of one ingest request, held column by column so that each column goes to PostgreSQL
 * as one array. Rows that repeat an earlier (patient_id, timestamp) pair of the same request are not
 * kept; {@link #receivedCount()} still counts them.
 */
final class TelemetryBatch {

    private final Object[] columns = new Object[TelemetryField.all().size()];
    private final int receivedCount;
    private final int size;

    private TelemetryBatch(Builder builder) {
        this.receivedCount = builder.received;
        this.size = builder.size;
        for (TelemetryField field : TelemetryField.all()) {
            columns[field.ordinal()] = switch (field.kind()) {
                case PATIENT_ID -> Arrays.copyOf(builder.patientIds, size);
                case UNIX_SECONDS -> Arrays.copyOf(builder.timestamps, size);
                case MEASUREMENT -> Arrays.copyOf(builder.measurements[field.ordinal()], size);
                case LABEL -> Arrays.copyOf(builder.labels, size);
                case FEATURE -> Arrays.copyOf(builder.features[field.ordinal()], size);
            };
        }
    }

    int receivedCount() {
        return receivedCount;
    }

    /** Rows kept: distinct (patient_id, timestamp) pairs of the request. */
    int size() {
        return size;
    }

    int duplicateInPayloadCount() {
        return receivedCount - size;
    }

    /**
     * The column as a Java array: {@code int[]} for the patient id, {@code long[]} for timestamps,
     * {@code double[]} for measurements, {@code Short[]} for the label and {@code Double[]} for features
     * (null where absent).
     */
    Object column(TelemetryField field) {
        return columns[field.ordinal()];
    }

    static Builder builder(int expectedRows) {
        return new Builder(expectedRows);
    }

    static final class Builder {
        private int received;
        private int size;
        private int[] patientIds;
        private long[] timestamps;
        private final double[][] measurements = new double[TelemetryField.all().size()][];
        private Short[] labels;
        private final Double[][] features = new Double[TelemetryField.all().size()][];
        private final PairSet seen = new PairSet();

        private Builder(int capacity) {
            patientIds = new int[capacity];
            timestamps = new long[capacity];
            labels = new Short[capacity];
            for (TelemetryField field : TelemetryField.all()) {
                switch (field.kind()) {
                    case MEASUREMENT -> measurements[field.ordinal()] = new double[capacity];
                    case FEATURE -> features[field.ordinal()] = new Double[capacity];
                    default -> {}
                }
            }
        }

        /**
         * Adds one valid row given as numbers indexed by field ordinal; {@code present[i]} is false
         * for an absent or null optional field. Returns false, keeping nothing, when the request
         * already had a row with the same (patient_id, timestamp).
         */
        boolean add(double[] values, long[] integers, boolean[] present) {
            received++;
            int patientId = (int) integers[TelemetryField.PATIENT_ID.ordinal()];
            long timestamp = integers[TelemetryField.TIMESTAMP.ordinal()];
            if (!seen.add(patientId, timestamp)) {
                return false;
            }
            if (size == patientIds.length) {
                grow();
            }
            patientIds[size] = patientId;
            timestamps[size] = timestamp;
            for (TelemetryField field : TelemetryField.all()) {
                int i = field.ordinal();
                switch (field.kind()) {
                    case MEASUREMENT -> measurements[i][size] = values[i];
                    case LABEL -> labels[size] = present[i] ? (short) integers[i] : null;
                    case FEATURE -> features[i][size] = present[i] ? values[i] : null;
                    default -> {}
                }
            }
            size++;
            return true;
        }

        /** Counts a row that failed validation; it is never stored, since the whole request is refused. */
        void countRejected() {
            received++;
        }

        private void grow() {
            int capacity = Math.max(16, patientIds.length * 2);
            patientIds = Arrays.copyOf(patientIds, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
            labels = Arrays.copyOf(labels, capacity);
            for (int i = 0; i < measurements.length; i++) {
                if (measurements[i] != null) {
                    measurements[i] = Arrays.copyOf(measurements[i], capacity);
                }
                if (features[i] != null) {
                    features[i] = Arrays.copyOf(features[i], capacity);
                }
            }
        }

        TelemetryBatch build() {
            return new TelemetryBatch(this);
        }
    }

    /**
     * The (patient_id, timestamp) pairs of a request, in open addressing over primitive arrays: no
     * object per row.
     */
    static final class PairSet {
        private int[] patientIds = new int[512];
        private long[] timestamps = new long[512];
        private boolean[] used = new boolean[512];
        private int size;

        /** Adds the pair; false when it was there already. */
        boolean add(int patientId, long timestamp) {
            if (2 * (size + 1) > used.length) {
                rehash(used.length * 2);
            }
            int mask = used.length - 1;
            int slot = hash(patientId, timestamp) & mask;
            while (used[slot]) {
                if (patientIds[slot] == patientId && timestamps[slot] == timestamp) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            patientIds[slot] = patientId;
            timestamps[slot] = timestamp;
            size++;
            return true;
        }

        private static int hash(int patientId, long timestamp) {
            long h = timestamp * 0x9E37_79B9_7F4A_7C15L + patientId * 0xC2B2_AE3D_27D4_EB4FL;
            return (int) (h ^ (h >>> 29) ^ (h >>> 47));
        }

        private void rehash(int capacity) {
            int[] oldIds = patientIds;
            long[] oldTimes = timestamps;
            boolean[] oldUsed = used;
            patientIds = new int[capacity];
            timestamps = new long[capacity];
            used = new boolean[capacity];
            size = 0;
            for (int i = 0; i < oldUsed.length; i++) {
                if (oldUsed[i]) {
                    add(oldIds[i], oldTimes[i]);
                }
            }
        }
    }
}
