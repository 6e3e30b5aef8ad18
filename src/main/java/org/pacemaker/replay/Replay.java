package org.pacemaker.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pacemaker.client.IngestCounts;

/**
 * Sends the batches in order with up to {@code concurrency} requests in flight. With one, each
 * request waits for the previous answer and the pause, like live traffic. A failure stops new
 * requests unless {@code continueOnError}; those in flight still finish, so every batch before the
 * earliest failure has been answered and a re-run can start from that failure's day.
 */
final class Replay {

    /** How to send. */
    record Options(int concurrency, Duration interval, boolean gzip, boolean continueOnError, boolean verbose) {}

    private final Options options;
    private final BatchSender sender;
    private final Consumer<String> log;
    private final ReplayProgress progress;
    private final ReplayTotals totals = new ReplayTotals();

    /** A null {@code sender} makes a dry run: batches are prepared and logged, not sent. */
    Replay(Options options, BatchSender sender, Consumer<String> log, ReplayProgress progress) {
        this.options = options;
        this.sender = sender;
        this.log = log;
        this.progress = progress;
    }

    ReplayTotals.Snapshot run(Iterator<DayBatch> batches) throws InterruptedException {
        ExecutorService requests = Executors.newFixedThreadPool(options.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "replay-request");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(options.concurrency());
        try {
            boolean first = true;
            while (batches.hasNext()) {
                // read the next batch while the previous requests are still in flight
                DayBatch batch = batches.next();
                inFlight.acquire();
                if (totals.anyFailed() && !options.continueOnError()) {
                    break;
                }
                if (!first && sender != null && !options.interval().isZero()) {
                    Thread.sleep(options.interval().toMillis());
                }
                first = false;
                totals.prepared(batch);
                if (sender == null) {
                    log.accept("dry run: " + batch.label() + ": " + batch.rows().size() + " rows, "
                            + IngestBody.size(batch.rows(), options.gzip())
                            + (options.gzip() ? " bytes gzipped" : " bytes"));
                    inFlight.release();
                    continue;
                }
                requests.execute(() -> {
                    try {
                        send(batch);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            requests.shutdown();
            requests.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            progress.close();
        }
        return totals.snapshot();
    }

    private void send(DayBatch batch) {
        try {
            IngestCounts counts = sender.send(batch, options.gzip());
            totals.accepted(batch, counts);
            if (options.verbose()) {
                log.accept("sent " + batch.label() + ": " + batch.rows().size() + " rows -> received "
                        + counts.received()
                        + ", inserted " + counts.inserted() + ", duplicates " + counts.duplicate() + " (in payload "
                        + counts.duplicateInPayload() + ", existing " + counts.duplicateExisting() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(new BatchFailure(batch, e));
        } catch (RuntimeException | IOException e) {
            failed(new BatchFailure(batch, e));
        }
        progress.update(totals.snapshot());
    }

    private void failed(BatchFailure failure) {
        totals.failed(failure);
        log.accept("failed " + failure.message());
    }
}
