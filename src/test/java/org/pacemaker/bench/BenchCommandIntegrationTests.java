package org.pacemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.cli.PacemakerCommand;
import picocli.CommandLine;

/** The whole benchmark on a tiny dataset, one run of each phase: its report's shape, not its timings. */
class BenchCommandIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void benchOnATinyDatasetReportsEveryPhaseAndStoresExactlyTheCsvsRows() throws IOException {
        Path work = dir.resolve("work");
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\n## Generator\n\nthe generator's figures\n");
        CommandLine command = PacemakerCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exitCode = command.execute(
                "bench",
                "--patients",
                "20",
                "--days",
                "120",
                "--runs",
                "1",
                "--concurrency",
                "2",
                "--work-dir",
                work.toString(),
                "--write-doc",
                doc.toString());

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCode.OK);
        long csvRows;
        try (Stream<String> lines = Files.lines(work.resolve("pacemaker_data.csv"))) {
            csvRows = lines.count() - 1;
        }
        BenchReport report =
                ((BenchCommand) command.getSubcommands().get("bench").getCommand()).report();
        assertThat(report.phases())
                .extracting(Measurement::label)
                .containsExactly(
                        "generate",
                        "COPY (the limit)",
                        "replay, concurrency 1",
                        "replay, concurrency 2",
                        "duplicates, concurrency 2");
        assertThat(report.phases()).allSatisfy(phase -> assertThat(phase.rows()).isEqualTo(csvRows));
        assertThat(csvRows).isBetween(2_000L, 2_400L);

        List<String> printed = out.toString().strip().lines().toList();
        assertThat(printed.get(printed.size() - 1)).matches("e2e/copy throughput ratio: \\d+\\.\\d\\d");
        assertThat(out.toString())
                .containsPattern("(?m)^phase +rows +seconds +rows/s +x COPY +peak MB +p50 ms +p99 ms")
                .containsPattern(
                        "(?m)^COPY \\(the limit\\) +" + String.format(Locale.ROOT, "%,d", csvRows) + " .* 1\\.00 ")
                .containsPattern("(?m)^replay, concurrency 2 +" + String.format(Locale.ROOT, "%,d", csvRows) + " ")
                .contains(String.format(
                        Locale.ROOT, "stored rows equal the CSV: %,d rows after every first pass", csvRows));
        assertThat(Files.readString(doc))
                .startsWith("# Benchmarks\n\n## Generator\n\nthe generator's figures")
                .contains("## End to end", "| replay, concurrency 1 |", "./pacemaker bench --patients 20")
                .contains(report.ratioLine());
    }

    @Test
    void aBadOptionStopsBeforeAnythingStarts() {
        CliRun run = CliRun.of(
                "bench", "--runs", "0", "--work-dir", dir.resolve("unused").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--runs").contains("must be 1 or more");
        assertThat(dir.resolve("unused")).doesNotExist();
    }
}
