package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryBatchParserBenchmarkTests {

    @Test
    void theBenchmarkParsesValidBodiesOfDistinctRows() {
        TelemetryBatchParserBenchmark benchmark = new TelemetryBatchParserBenchmark();
        benchmark.rows = 2000;
        benchmark.writeBody();

        TelemetryBatch batch = benchmark.parse();

        assertThat(batch.receivedCount()).isEqualTo(2000);
        assertThat(batch.size()).isEqualTo(2000);
        assertThat(batch.duplicateInPayloadCount()).isZero();
    }
}
