package org.pacemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;

class LoginCommandIntegrationTests extends ApiIntegrationTest {

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void printsOnlyTheTokenSoThatItCanBeExported() {
        CliRun run = CliRun.of("login", "--url", baseUrl(), "--username", SUPERUSER, "--password", SUPERUSER_PASSWORD);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String token = run.out().strip();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(get("/api/v1/users/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordExitsWithTheAuthCodeAndTheServersReason() {
        CliRun run = CliRun.of("login", "--url", baseUrl(), "--username", SUPERUSER, "--password", "nope-nope");

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("error: login failed: Incorrect email or password (HTTP 400)" + System.lineSeparator());
    }

    @Test
    void anUnreachableServiceExitsWithTheServerCode() {
        CliRun run = CliRun.of(
                "login", "--url", "http://127.0.0.1:1", "--username", SUPERUSER, "--password", SUPERUSER_PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(run.err()).startsWith("error: cannot connect");
    }

    @Test
    void aUrlWithoutSchemeIsABadInput() {
        CliRun run = CliRun.of(
                "login", "--url", "localhost:" + port, "--username", SUPERUSER, "--password", SUPERUSER_PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo(
                        "error: --url must be an absolute http(s) URL, got localhost:" + port + System.lineSeparator());
    }

    @Test
    void noPasswordAnywhereIsABadInput() {
        CliRun run = CliRun.of("login", "--url", baseUrl(), "--username", SUPERUSER);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no password");
    }
}
