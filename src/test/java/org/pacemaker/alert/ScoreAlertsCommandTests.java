package org.pacemaker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.PacemakerCommand;
import picocli.CommandLine;

class ScoreAlertsCommandTests {

    @TempDir
    Path dir;

    private static String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out() + run.err();
    }

    @Test
    void scoresEveryRuleAgainstTheTruthFileOfAGeneratedDataset() {
        Path csv = dir.resolve("data.csv");
        Path truth = dir.resolve("truth.csv");
        run(
                "generate",
                "--output",
                csv.toString(),
                "--truth-output",
                truth.toString(),
                "--patients",
                "40",
                "--days",
                "200",
                "--failure-rate",
                "0.5",
                "--seed",
                "3",
                "--end-time",
                "2026-01-01");

        String report = run("score-alerts", "--csv-path", csv.toString(), "--truth-path", truth.toString());

        assertThat(report).containsPattern("^\\d+ rows, 40 patients: 20 failing \\(");
        for (AlertRule rule : AlertRule.values()) {
            assertThat(report).contains("| `" + rule.id() + "` |");
        }
        // every failure type drifts one of the four measurements past its absolute limit by the failure
        assertThat(report).contains("| **any rule** | 20 of 20 |");
        // the device is explanted at the failure; silence comes only after it
        assertThat(report).containsPattern("\\| `no_recent_data` \\| 0 of 20 \\| 0 \\| -2\\.0 \\|");
        assertThat(report).contains("Limits: lead impedance 200.0 to 2000.0 ohm");
    }

    @Test
    void aMissingFileIsBadInput() {
        CommandLine command = PacemakerCommand.commandLine();
        command.setErr(new PrintWriter(new StringWriter(), true));

        int exitCode = command.execute(
                "score-alerts", "--csv-path", dir.resolve("none.csv").toString(), "--truth-path", "none.csv");

        assertThat(exitCode).isEqualTo(2);
    }
}
