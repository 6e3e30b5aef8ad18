package org.pacemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's pure parts: statistics, /proc parsing, log and summary parsing, the report. */
class BenchTests {

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Stats.median(List.of(3.0))).isEqualTo(3.0);
        assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileIsTheNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[99 - i] = i + 1;
        }
        assertThat(Stats.percentile(hundred, 50)).isEqualTo(50);
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99);
        assertThat(Stats.percentile(hundred, 100)).isEqualTo(100);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Stats.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(hundred[0]).as("the input stays unsorted").isEqualTo(100);
        assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void procStatFieldsCountFromTheLastParenthesisOfTheName() {
        String stat = "4242 (java (main) x) S 17 4242 17 0 -1 4194560 123 0 0 0 250 31 7 3 20 0 42 0 900 1000 200";

        ProcFs.Stat parsed = ProcFs.parseStat(stat);

        assertThat(parsed).isEqualTo(new ProcFs.Stat(4242, 17, 250, 31, 7, 3));
        assertThat(parsed.ownTicks()).isEqualTo(281);
        assertThat(parsed.ticksWithChildren()).isEqualTo(291);
    }

    @Test
    void procStatusFieldsAreReadInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  153600 kB\nVmRSS:\t  102400 kB\nThreads:\t30\n";

        assertThat(ProcFs.statusKb(status, "VmHWM")).hasValue(153_600);
        assertThat(ProcFs.statusKb(status, "VmRSS")).hasValue(102_400);
        assertThat(ProcFs.statusKb(status, "Threads")).hasValue(30);
        assertThat(ProcFs.statusKb(status, "VmSwap")).isEmpty();
    }

    @Test
    void requestLogYieldsTheMillisecondsOfAcceptedIngestRequests() {
        String log = """
                2026-12-04T15:00:00.001Z  INFO 1 --- [nio-1-exec-1] org.pacemaker.requests : POST /api/v1/login/access-token 200 80ms
                2026-12-04T15:00:00.002Z  INFO 1 --- [nio-1-exec-2] org.pacemaker.requests : POST /api/v1/telemetry/ingest 200 12ms
                2026-12-04T15:00:00.003Z  INFO 1 --- [nio-1-exec-3] org.pacemaker.requests : POST /api/v1/telemetry/ingest 422 3ms
                2026-12-04T15:00:00.004Z  INFO 1 --- [nio-1-exec-4] org.pacemaker.requests : POST /api/v1/telemetry/ingest 200 7ms
                """;

        assertThat(RequestLog.ingestMillis(log)).containsExactly(12, 7);
    }

    @Test
    void replaySummaryIsReadUnderAndOverAMinute() {
        String shortRun = """
                replay summary:
                  batches: 365 of 365 prepared, 365 sent, 0 failed
                  rows: 337359 of 337359 prepared, 337359 sent
                  server: received 337359, inserted 337359, duplicates 0 (in payload 0, existing 0)
                  elapsed 5.652s, 59688 rows/s
                """;
        String longRun = shortRun.replace("elapsed 5.652s", "elapsed 1m5s (65.432 s)")
                .replace("inserted 337359, duplicates 0", "inserted 0, duplicates 337359");

        assertThat(ReplaySummary.parse(shortRun)).isEqualTo(new ReplaySummary(365, 337_359, 337_359, 0, 5.652));
        assertThat(ReplaySummary.parse(longRun)).isEqualTo(new ReplaySummary(365, 337_359, 0, 337_359, 65.432));
        assertThatThrownBy(() -> ReplaySummary.parse("nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyLinesGetAnIdAndAnIsoTimestampAndKeepEveryOtherCell() {
        CopyLoad.TimestampText timestamps = new CopyLoad.TimestampText();

        String line = CopyLoad.toCopyLine("17,1767225600,514.9,0.6,13.15,2.97,,1.5,,,,,,,", timestamps);

        assertThat(line)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12},17,2026-01-01T00:00:00Z,"
                        + "514\\.9,0\\.6,13\\.15,2\\.97,,1\\.5,,,,,,,\n");
        assertThat(CopyLoad.COPY)
                .startsWith("COPY pacemaker_telemetry (id, \"patient_id\", \"timestamp\", ")
                .endsWith("\"capture_threshold_v_delta_per_day_7d\") FROM STDIN WITH (FORMAT csv)");
    }

    @Test
    void reportPrintsOneAlignedLinePerPhaseAndTheRatioLast() {
        BenchReport report = report();

        List<String> table = report.textTable();

        assertThat(table).hasSize(7);
        assertThat(table.get(0)).startsWith("phase").contains("rows/s", "x COPY", "peak MB", "p50 ms", "p99 ms");
        assertThat(table.get(2)).startsWith("COPY (the limit)").contains("1,000,000", "4.00", "250,000", "1.00");
        assertThat(table.get(4))
                .startsWith("replay, concurrency 4")
                .contains("6.25", "160,000", "0.64", "120", "12", "40", "5.0 / 3.0 / 2.5");
        assertThat(table.get(1)).startsWith("generate").doesNotContain("0.00");
        assertThat(table.stream().map(String::length).distinct())
                .as("aligned up to the CPU column")
                .allSatisfy(length ->
                        assertThat(length).isGreaterThanOrEqualTo(table.get(1).length()));
        assertThat(report.ratioLine()).isEqualTo("e2e/copy throughput ratio: 0.64");
        assertThat(report.targets())
                .contains("end to end, replay, concurrency 4: 0.64x COPY (target >= 0.50x: met)")
                .contains("end to end, replay, concurrency 1: 0.40x COPY (target >= 0.35x: met)")
                .contains("duplicates pass: 0.80x the first pass's rows/s (target >= 1.00x: MISSED)")
                .contains("replay client peak RSS: 120 MB (target <= 150 MB: met)")
                .contains("generator peak RSS: unknown (target <= 256 MB: unknown)")
                .contains("service RSS: peak 400 MB, at the end 380 MB");
        assertThat(report.markdownTable().get(0)).startsWith("| phase | rows |");
        assertThat(report.markdownTable()).hasSize(8);
    }

    @Test
    void theDocumentSectionIsAppendedOnceAndThenReplacedKeepingTheRest() {
        String generator = "# Benchmarks\n\n## Generator\n\nfigures\n";

        String first = BenchDoc.withSection(generator, BenchDoc.BEGIN + "\nfirst\n" + BenchDoc.END);
        String second = BenchDoc.withSection(first + "\n## Later\n", BenchDoc.BEGIN + "\nsecond\n" + BenchDoc.END);

        assertThat(first).startsWith(generator.strip()).contains("first").endsWith(BenchDoc.END + "\n");
        assertThat(second)
                .startsWith(generator.strip())
                .contains("second", "## Later")
                .doesNotContain("first");
    }

    @Test
    void machineNamesTheCpuModel() {
        assertThat(Machine.cpuModel("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: x\n"))
                .isEqualTo("AMD EPYC 7B13");
        assertThat(Machine.cpuModel("")).isEqualTo("unknown CPU");
    }

    private static BenchReport report() {
        Measurement generate = Measurement.other("generate", 1_000_000, 3.0, null);
        Measurement copy = Measurement.load(
                "COPY (the limit)", 1_000_000, 4.0, null, null, null, new Measurement.Cpu(0.5, null, 3.0));
        Measurement single = Measurement.load(
                "replay, concurrency 1", 1_000_000, 10.0, 110.0, 8L, 20L, new Measurement.Cpu(6.0, 4.0, 3.0));
        Measurement best = Measurement.load(
                "replay, concurrency 4", 1_000_000, 6.25, 120.0, 12L, 40L, new Measurement.Cpu(5.0, 3.0, 2.5));
        Measurement duplicates =
                Measurement.load("duplicates, concurrency 4", 1_000_000, 7.8125, 125.0, 15L, 50L, Measurement.Cpu.NONE);
        return new BenchReport(
                List.of(
                        generate,
                        copy,
                        single,
                        best,
                        Measurement.load(
                                "replay, concurrency 8",
                                1_000_000,
                                7.0,
                                130.0,
                                30L,
                                90L,
                                new Measurement.Cpu(null, 3.0, 2.5)),
                        duplicates),
                generate,
                copy,
                single,
                best,
                duplicates,
                400.0,
                380.0,
                "stored rows equal the CSV");
    }
}
