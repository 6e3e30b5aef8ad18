package org.pacemaker.generator;

import java.util.SplittableRandom;

/**
 * The generator's only source of randomness, bit-identical on every JVM and machine.
 *
 * <p>Raw bits come from {@link SplittableRandom#nextLong()}, which is SplitMix64 (Steele, Lea and
 * Flood, 2014) for an explicitly seeded instance, a fixed algorithm since Java 8. Everything built on
 * them is defined here rather than taken from JDK defaults whose algorithms are not specified: doubles
 * from the top 53 bits, bounded integers by rejection (no modulo bias), and normal draws by Marsaglia's
 * polar method using {@link StrictMath}, whose results are specified to the bit.
 */
final class RandomSource {

    private final SplittableRandom bits;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    RandomSource(long seed) {
        this.bits = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (bits.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [origin, bound); needs origin &lt; bound. */
    long nextLong(long origin, long bound) {
        long range = bound - origin;
        // Reject the top partial block of 63-bit values so every remainder is equally likely.
        long candidate = bits.nextLong() >>> 1;
        long remainder = candidate % range;
        while (candidate - remainder + (range - 1) < 0) {
            candidate = bits.nextLong() >>> 1;
            remainder = candidate % range;
        }
        return origin + remainder;
    }

    int nextInt(int origin, int bound) {
        return (int) nextLong(origin, bound);
    }

    /** A normal draw with this mean and standard deviation. */
    double nextGaussian(double mean, double standardDeviation) {
        return mean + standardDeviation * nextStandardGaussian();
    }

    private double nextStandardGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double radiusSquared;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            radiusSquared = u * u + v * v;
        } while (radiusSquared >= 1 || radiusSquared == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(radiusSquared) / radiusSquared);
        spareGaussian = v * scale;
        hasSpareGaussian = true;
        return u * scale;
    }
}
