package org.pacemaker.replay;

import java.nio.file.Path;

/**
 * The (patient_id, timestamp) pair of every row of a telemetry CSV, read with the replay's own reader,
 * in chunks so that memory stays bounded: what the demo checks the stored rows against.
 */
public final class CsvPairs {

    /** Receives one chunk: the first {@code count} entries of both arrays. */
    @FunctionalInterface
    public interface Chunk {
        void accept(int[] patientIds, long[] timestamps, int count);
    }

    private CsvPairs() {}

    /**
     * Reads the whole file, handing over full chunks as they fill (the arrays are reused: use them
     * before returning) and the rest at the end. The file was checked by its replay already, so a
     * row that does not pass the checks now means it changed since.
     */
    public static void forEachChunk(Path path, int chunkSize, Chunk chunk) {
        int[] patientIds = new int[chunkSize];
        long[] timestamps = new long[chunkSize];
        int count = 0;
        try (TelemetryCsv csv = TelemetryCsv.open(path)) {
            while (csv.hasNext()) {
                CsvRow row = csv.next(problem -> {
                    throw new IllegalStateException(csv.file() + " changed after it was replayed, at " + problem);
                });
                patientIds[count] = (int) row.patientId();
                timestamps[count] = row.timestamp();
                if (++count == chunkSize) {
                    chunk.accept(patientIds, timestamps, count);
                    count = 0;
                }
            }
        }
        if (count > 0) {
            chunk.accept(patientIds, timestamps, count);
        }
    }
}
