package org.pacemaker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pacemaker.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Log in and print just the access token.",
            "For example:",
            "  export TELEMETRY_INGEST_TOKEN=$(./pacemaker login --username admin@example.com --password-stdin <pw.txt)"
        })
final class LoginCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "PACEMAKER_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--username", required = true, description = "The account's email.")
    String username;

    @Option(
            names = "--password",
            description = "The password. Safer: set " + PASSWORD_VARIABLE + " or use --password-stdin.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordFromStdin;

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8000",
            description = "The service's base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "30",
            description = "Request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw CommandFailure.badInput("--url must be an absolute http(s) URL, got " + url);
        }
        String token = new ApiClient(url, Duration.ofSeconds(timeoutSeconds)).login(username, resolvePassword());
        spec.commandLine().getOut().println(token);
        return ExitCode.OK;
    }

    private String resolvePassword() throws IOException {
        if (passwordFromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw CommandFailure.badInput("--password-stdin: standard input is empty");
            }
            return line;
        }
        if (password != null) {
            return password;
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        throw CommandFailure.badInput("no password: give --password, --password-stdin or set " + PASSWORD_VARIABLE);
    }
}
