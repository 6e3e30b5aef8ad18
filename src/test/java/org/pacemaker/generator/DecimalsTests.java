package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTests {

    @ParameterizedTest
    @CsvSource({
        // numpy.round(x, 2) scales first, then rounds ties to even: 2.675 * 100 is exactly 267.5, so 2.68
        "514.904, 51490",
        "0.125, 12",
        "0.135, 14",
        "2.675, 268",
        "-0.004, 0",
        "-3.456, -346"
    })
    void roundsLikeNumpy(double value, long hundredths) {
        assertThat(Decimals.scaled(value, 2)).isEqualTo(hundredths);
    }

    @ParameterizedTest
    @CsvSource({"5, 2, 2", "7, 2, 4", "-5, 2, -2", "-7, 2, -4", "1, 3, 0", "2, 3, 1", "-2, 3, -1", "9, 3, 3"})
    void dividesRoundingHalfToEven(long numerator, long denominator, long quotient) {
        assertThat(Decimals.divideHalfEven(numerator, denominator)).isEqualTo(quotient);
    }
}
