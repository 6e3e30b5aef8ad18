package org.pacemaker.replay;

import java.text.DecimalFormat;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Shows how far a replay got: a live bar on a terminal, a log line every little while otherwise. */
interface ReplayProgress extends AutoCloseable {

    void update(ReplayTotals.Snapshot now);

    @Override
    void close();

    static ReplayProgress onTerminal(CsvScan scan) {
        return new Bar(scan);
    }

    static ReplayProgress asLogLines(CsvScan scan, Consumer<String> log, Duration every) {
        return new LogLines(scan, log, every);
    }

    /** What the bar's own rate and ETA do not say. */
    static String counts(CsvScan scan, ReplayTotals.Snapshot now) {
        return now.daysSent() + "/" + scan.days() + " days, inserted "
                + now.counts().inserted() + ", duplicates " + now.counts().duplicate();
    }

    final class Bar implements ReplayProgress {
        private final CsvScan scan;
        private final ProgressBar bar;

        Bar(CsvScan scan) {
            this.scan = scan;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("replay")
                    .setInitialMax(scan.rows())
                    .setUnit(" rows", 1)
                    .showSpeed(new DecimalFormat("#,##0"))
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void update(ReplayTotals.Snapshot now) {
            bar.stepTo(now.rowsSent());
            bar.setExtraMessage(" " + counts(scan, now));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    final class LogLines implements ReplayProgress {
        private final CsvScan scan;
        private final Consumer<String> log;
        private final long everyNanos;
        private long lastNanos = System.nanoTime();

        LogLines(CsvScan scan, Consumer<String> log, Duration every) {
            this.scan = scan;
            this.log = log;
            this.everyNanos = every.toNanos();
        }

        @Override
        public synchronized void update(ReplayTotals.Snapshot now) {
            long nanos = System.nanoTime();
            if (nanos - lastNanos < everyNanos) {
                return;
            }
            lastNanos = nanos;
            double rate = now.rowsPerSecond();
            long percent = scan.rows() == 0 ? 100 : now.rowsSent() * 100 / scan.rows();
            String eta = rate > 0
                    ? ", ETA " + Summary.duration(Duration.ofSeconds((long) ((scan.rows() - now.rowsSent()) / rate)))
                    : "";
            log.accept("progress: " + now.rowsSent() + "/" + scan.rows() + " rows (" + percent + "%), "
                    + Math.round(rate) + " rows/s" + eta + ", " + counts(scan, now));
        }

        @Override
        public void close() {}
    }
}
