package org.pacemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacemakerCommandTests {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve").contains("login");
        assertThat(run.out())
                .containsPattern("(?m)^\\s+serve\\s")
                .containsPattern("(?m)^\\s+login\\s+Log in and print just the access token\\.$")
                .containsPattern("(?m)^\\s+generate\\s")
                .containsPattern("(?m)^\\s+replay\\s")
                .containsPattern("(?m)^\\s+demo\\s")
                .doesNotContain("for example:");
    }

    @Test
    void eachCommandDescribesItsOptions() {
        assertThat(CliRun.of("serve", "--help").out())
                .contains("--port")
                .contains("--data-dir")
                .contains("8000");
        assertThat(CliRun.of("login", "--help").out())
                .contains("--username")
                .contains("--password-stdin")
                .contains("PACEMAKER_PASSWORD");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        CliRun run = CliRun.of("serve", "--prot", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("error: Unknown options: '--prot', '1'%nTry 'pacemaker serve --help' for more information.%n"
                        .formatted());
    }

    @Test
    void aBadPortIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of("serve", "--port", "70000");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("error: --port must be from 0 to 65535, got 70000" + System.lineSeparator());
    }
}
