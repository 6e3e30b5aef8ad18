package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairSetTests {

    private record Pair(int patientId, long timestamp) {}

    @Test
    void agreesWithAHashSetThroughGrowthAndRepeats() {
        TelemetryBatch.PairSet pairs = new TelemetryBatch.PairSet();
        Set<Pair> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int patientId = random.nextInt(50) == 0 ? Integer.MAX_VALUE : random.nextInt(300);
            long timestamp = random.nextBoolean() ? 86_400L * random.nextInt(60) : random.nextLong() >>> 26;
            assertThat(pairs.add(patientId, timestamp))
                    .as("pair %d, %d", patientId, timestamp)
                    .isEqualTo(expected.add(new Pair(patientId, timestamp)));
        }
        assertThat(pairs.add(0, 0)).isEqualTo(expected.add(new Pair(0, 0)));
        assertThat(pairs.add(0, 0)).isFalse();
    }
}
