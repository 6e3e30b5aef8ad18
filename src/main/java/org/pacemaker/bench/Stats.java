package org.pacemaker.bench;

import java.util.Arrays;
import java.util.Collection;

/** The statistics the report needs, on small samples. */
final class Stats {

    private Stats() {}

    /** The middle value; the mean of the two middle ones for an even count. */
    static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent} % of the values at
     * or below it. {@code percent} from 0 (exclusive) to 100.
     */
    static long percentile(long[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be above 0 and at most 100, got " + percent);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
