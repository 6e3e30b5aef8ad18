package org.pacemaker.generator;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** A single self-overwriting line on stderr, redrawn at most a few times a second. */
final class TerminalProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final String BLANK_LINE = "\r" + " ".repeat(40) + "\r";

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private long lastDrawn;

    TerminalProgress(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.lastDrawn = nanoClock.getAsLong();
    }

    @Override
    public void advanced(long readingsDone, long readingsTotal) {
        if (readingsDone == readingsTotal) {
            err.print(BLANK_LINE);
            err.flush();
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\rgenerating: " + (readingsDone * 100 / readingsTotal) + "% of the timeline");
            err.flush();
        }
    }
}
