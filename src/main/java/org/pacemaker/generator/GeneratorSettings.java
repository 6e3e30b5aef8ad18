package org.pacemaker.generator;

/**
 * What to generate. The command checks the ranges; this record only derives the timeline from them.
 *
 * @param endTime the last reading's timestamp, Unix seconds
 */
record GeneratorSettings(int patients, int days, int pingsPerDay, double failureRate, long seed, long endTime) {

    static final int SECONDS_PER_DAY = 86_400;
    /** Failures happen no earlier than this many days in, so every failing patient has a healthy baseline. */
    static final int BASELINE_DAYS = 100;
    /** Failures happen no later than this many days before the end, so the target window is observed. */
    static final int TAIL_DAYS = 10;

    int intervalSeconds() {
        return SECONDS_PER_DAY / pingsPerDay;
    }

    long readingsPerPatient() {
        return (long) days * pingsPerDay;
    }

    /** The number of readings in this many days. */
    int readingsIn(int daysSpan) {
        return daysSpan * pingsPerDay;
    }

    long timestampOf(long readingIndex) {
        return endTime - (readingsPerPatient() - 1 - readingIndex) * intervalSeconds();
    }

    long firstTimestamp() {
        return timestampOf(0);
    }

    /** As the original: the fraction of patients, rounded down. */
    int failingPatients() {
        return (int) Math.floor(patients * failureRate);
    }

    /** The fewest readings per patient that leave room for a baseline, a failure and a target window. */
    long minimumReadingsForFailures() {
        return (long) (BASELINE_DAYS + TAIL_DAYS) * pingsPerDay + 1;
    }
}
