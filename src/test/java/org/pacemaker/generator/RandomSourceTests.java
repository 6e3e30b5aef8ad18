package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomSourceTests {

    @Test
    void theSameSeedGivesTheSameDraws() {
        RandomSource first = new RandomSource(42);
        RandomSource second = new RandomSource(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(second.nextGaussian(0, 1)).isEqualTo(first.nextGaussian(0, 1));
            assertThat(second.nextLong(-5, 5)).isEqualTo(first.nextLong(-5, 5));
        }
    }

    @Test
    void boundedDrawsStayInRangeAndCoverIt() {
        RandomSource random = new RandomSource(1);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            long draw = random.nextLong(10, 17);
            assertThat(draw).isBetween(10L, 16L);
            counts[(int) draw - 10]++;
        }
        assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThan(9_500);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThan(10_500);
        assertThat(random.nextLong(0, Long.MAX_VALUE)).isNotNegative();
    }

    @Test
    void gaussianDrawsHaveTheRequestedMeanAndDeviation() {
        RandomSource random = new RandomSource(3);
        double[] draws = IntStream.range(0, 100_000)
                .mapToDouble(i -> random.nextGaussian(5, 2))
                .toArray();
        double mean = Arrays.stream(draws).average().orElseThrow();
        double variance =
                Arrays.stream(draws).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        assertThat(mean).isCloseTo(5, offset(0.03));
        assertThat(Math.sqrt(variance)).isCloseTo(2, offset(0.03));
    }
}
