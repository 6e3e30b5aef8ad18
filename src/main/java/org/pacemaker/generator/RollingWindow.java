package org.pacemaker.generator;

/**
 * One patient's recent values of one measurement, in hundredths, and the trailing features over them.
 * Working on the exact rounded values keeps the features exact: a mean is the integer sum divided
 * once, rounded half to even.
 */
final class RollingWindow {

    enum Span {
        THREE_DAYS(3),
        SEVEN_DAYS(7);

        private final int days;

        Span(int days) {
            this.days = days;
        }
    }

    private static final Span[] SPANS = Span.values();

    private final int[] spanReadings = new int[SPANS.length];
    private final long[] spanSums = new long[SPANS.length];
    /** The newest value and enough older ones to reach back the longest span. */
    private final int[] ring;

    private int newest = -1;
    private long count;

    RollingWindow(int pingsPerDay) {
        for (Span span : SPANS) {
            spanReadings[span.ordinal()] = span.days * pingsPerDay;
        }
        ring = new int[Span.SEVEN_DAYS.days * pingsPerDay + 1];
    }

    void add(long hundredths) {
        newest = newest + 1 == ring.length ? 0 : newest + 1;
        ring[newest] = Math.toIntExact(hundredths);
        count++;
        for (int span = 0; span < SPANS.length; span++) {
            spanSums[span] += hundredths;
            if (count > spanReadings[span]) {
                spanSums[span] -= valueBefore(spanReadings[span]);
            }
        }
    }

    /** The mean of the span's readings (fewer at the start), in ten-thousandths. */
    long mean(Span span) {
        long readings = Math.min(count, spanReadings[span.ordinal()]);
        return Decimals.divideHalfEven(spanSums[span.ordinal()] * 100, readings);
    }

    /** Whether the reading one span back exists, so {@link #deltaPerDay} is defined. */
    boolean hasDelta(Span span) {
        return count > spanReadings[span.ordinal()];
    }

    /** (newest - the reading one span back) / the span's days, in ten-thousandths. */
    long deltaPerDay(Span span) {
        long change = ring[newest] - valueBefore(spanReadings[span.ordinal()]);
        return Decimals.divideHalfEven(change * 100, span.days);
    }

    private int valueBefore(int readingsBack) {
        int index = newest - readingsBack;
        return ring[index < 0 ? index + ring.length : index];
    }
}
