package org.pacemaker.generator;

import java.io.PrintWriter;

/** A single self-overwriting line on stderr, redrawn at most a few times a second. */
final class TerminalProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private long lastDrawn = System.nanoTime();

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void advanced(long readingsDone, long readingsTotal) {
        if (readingsDone == readingsTotal) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\rgenerating: " + (readingsDone * 100 / readingsTotal) + "% of the timeline");
            err.flush();
        }
    }
}
