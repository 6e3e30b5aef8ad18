package org.pacemaker.replay;

import java.io.PrintWriter;
import java.time.Duration;
import org.pacemaker.client.IngestCounts;

/** The final report of a replay. */
final class Summary {

    private Summary() {}

    static void print(PrintWriter out, CsvScan scan, long plannedBatches, ReplayTotals.Snapshot end, boolean dryRun) {
        IngestCounts counts = end.counts();
        out.println(dryRun ? "replay summary (dry run, nothing sent):" : "replay summary:");
        out.println("  batches: " + end.batchesPrepared() + " of " + plannedBatches + " prepared, " + end.batchesSent()
                + " sent, " + end.batchesFailed() + " failed");
        out.println("  rows: " + end.rowsPrepared() + " of " + scan.rows() + " prepared, " + end.rowsSent() + " sent");
        out.println("  server: received " + counts.received() + ", inserted " + counts.inserted() + ", duplicates "
                + counts.duplicate() + " (in payload " + counts.duplicateInPayload() + ", existing "
                + counts.duplicateExisting() + ")");
        out.println("  elapsed " + preciseDuration(end.elapsed()) + ", " + Math.round(end.rowsPerSecond()) + " rows/s");
        if (end.earliestFailure() != null) {
            out.println("  earliest failure: " + end.earliestFailure().message());
            out.println("  to resume, re-run with --start-day "
                    + end.earliestFailure().batch().day());
        }
        out.flush();
    }

    /** To the millisecond, so that the benchmark can read its timings here: 12.345s or 1m5s (65.432 s). */
    static String preciseDuration(Duration duration) {
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
        return duration.toSeconds() < 60 ? seconds + "s" : duration(duration) + " (" + seconds + " s)";
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        return seconds >= 3600
                ? seconds / 3600 + "h" + (seconds % 3600) / 60 + "m"
                : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
