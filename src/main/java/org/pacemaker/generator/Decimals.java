package org.pacemaker.generator;

/**
 * Decimal values held as scaled longs (for example 514.9 at two decimals is 51490), so rounding is
 * exact and printing needs no floating-point formatting.
 */
final class Decimals {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Decimals() {}

    static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /** The value rounded to this many decimals, scaled; like numpy's round: rint(value * 10^decimals). */
    static long scaled(double value, int decimals) {
        return (long) Math.rint(value * POWERS_OF_TEN[decimals]);
    }

    /** numerator / denominator rounded half to even, for a positive denominator. */
    static long divideHalfEven(long numerator, long denominator) {
        long quotient = Math.floorDiv(numerator, denominator);
        long twiceRemainder = 2 * (numerator - quotient * denominator);
        if (twiceRemainder > denominator || (twiceRemainder == denominator && (quotient & 1) != 0)) {
            quotient++;
        }
        return quotient;
    }
}
