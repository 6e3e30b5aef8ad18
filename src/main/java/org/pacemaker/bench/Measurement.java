package org.pacemaker.bench;

/**
 * One line of the report: the median of a phase's runs. Figures a phase does not have, or that /proc
 * could not give, are null.
 *
 * @param peakMb peak resident memory of the process measured (generator or replay client)
 * @param p50Millis server-side latency per request, median
 * @param p99Millis server-side latency per request, 99th percentile
 * @param cpu CPU seconds spent meanwhile by the client, the service and PostgreSQL
 */
record Measurement(
        String label,
        long rows,
        double seconds,
        Double peakMb,
        Long p50Millis,
        Long p99Millis,
        Cpu cpu,
        boolean comparable) {

    /** CPU seconds by process; each null where unknown. */
    record Cpu(Double client, Double service, Double postgres) {
        static final Cpu NONE = new Cpu(null, null, null);
    }

    double rowsPerSecond() {
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /** A row loaded into the table: compared with the COPY limit. */
    static Measurement load(String label, long rows, double seconds, Double peakMb, Long p50, Long p99, Cpu cpu) {
        return new Measurement(label, rows, seconds, peakMb, p50, p99, cpu, true);
    }

    /** Not a load (the generator): shown without a ratio to the limit. */
    static Measurement other(String label, long rows, double seconds, Double peakMb) {
        return new Measurement(label, rows, seconds, peakMb, null, null, Cpu.NONE, false);
    }
}
