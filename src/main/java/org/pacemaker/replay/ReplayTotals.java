package org.pacemaker.replay;

import java.time.Duration;
import org.pacemaker.client.IngestCounts;

/** The running tally of a replay, updated from the request threads. */
public final class ReplayTotals {

    /** The tally at one moment. {@code earliestFailure} is null while none failed. */
    public record Snapshot(
            long batchesPrepared,
            long rowsPrepared,
            long batchesSent,
            long rowsSent,
            long daysSent,
            long batchesFailed,
            IngestCounts counts,
            BatchFailure earliestFailure,
            Duration elapsed) {

        public double rowsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : rowsSent / seconds;
        }
    }

    private final long startNanos = System.nanoTime();
    private long batchesPrepared;
    private long rowsPrepared;
    private long batchesSent;
    private long rowsSent;
    private long daysSent;
    private long batchesFailed;
    private IngestCounts counts = IngestCounts.NONE;
    private BatchFailure earliestFailure;

    synchronized void prepared(DayBatch batch) {
        batchesPrepared++;
        rowsPrepared += batch.rows().size();
    }

    synchronized void accepted(DayBatch batch, IngestCounts answer) {
        batchesSent++;
        rowsSent += batch.rows().size();
        if (batch.lastOfDay()) {
            daysSent++;
        }
        counts = counts.plus(answer);
    }

    synchronized void failed(BatchFailure failure) {
        batchesFailed++;
        if (earliestFailure == null || failure.isBefore(earliestFailure)) {
            earliestFailure = failure;
        }
    }

    synchronized boolean anyFailed() {
        return batchesFailed > 0;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(
                batchesPrepared,
                rowsPrepared,
                batchesSent,
                rowsSent,
                daysSent,
                batchesFailed,
                counts,
                earliestFailure,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
