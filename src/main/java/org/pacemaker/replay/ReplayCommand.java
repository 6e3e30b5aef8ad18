package org.pacemaker.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.pacemaker.cli.CommandFailure;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Replay a telemetry CSV as live device traffic: rows in (timestamp, patient_id) order, one request"
                    + " per UTC day (or several of at most --max-request-rows).",
            "The whole file is checked before anything is sent. Re-running is safe: rows already stored"
                    + " count as duplicates.",
            "Exit codes: 0 every batch accepted, 2 bad input, 3 authentication, 4 server or network."
        })
public final class ReplayCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "TELEMETRY_INGEST_TOKEN";
    static final String PASSWORD_VARIABLE = "PACEMAKER_PASSWORD";
    private static final int API_MAX_ROWS = 2000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--csv-path",
            defaultValue = "data/pacemaker_data.csv",
            description = "The CSV: the generator's column names or snake_case (default: ${DEFAULT-VALUE}).")
    Path csvPath;

    @Option(
            names = "--endpoint-url",
            defaultValue = "http://localhost:8000/api/v1/telemetry/ingest",
            description = "The ingest endpoint; login uses the same host (default: ${DEFAULT-VALUE}).")
    URI endpointUrl;

    @Option(
            names = "--interval-ms",
            defaultValue = "1000",
            description = "Pause between requests; with --concurrency above 1, between their starts"
                    + " (default: ${DEFAULT-VALUE}).")
    long intervalMs;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "30",
            description = "Timeout of one request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--max-request-rows",
            defaultValue = "2000",
            description = "Most rows in one request, at most 2000 (default: ${DEFAULT-VALUE}).")
    int maxRequestRows;

    @Option(
            names = "--token",
            defaultValue = "${env:" + TOKEN_VARIABLE + "}",
            description = "Bearer token (default: $" + TOKEN_VARIABLE + ").")
    String token;

    @Option(
            names = "--username",
            description = "Log in with this account when no token is given, and again when the token expires.")
    String username;

    @Option(
            names = "--password",
            defaultValue = "${env:" + PASSWORD_VARIABLE + "}",
            description = "Password for --username (default: $" + PASSWORD_VARIABLE + ").")
    String password;

    @Option(names = "--dry-run", description = "Check the file and prepare every batch, but send nothing.")
    boolean dryRun;

    @Option(names = "--verbose", description = "Log each batch with the server's answer.")
    boolean verbose;

    @Option(names = "--continue-on-error", description = "Go on after a failed request instead of stopping.")
    boolean continueOnError;

    @Option(names = "--start-day", description = "First UTC day to send (yyyy-mm-dd).")
    LocalDate startDay;

    @Option(names = "--end-day", description = "Last UTC day to send (yyyy-mm-dd).")
    LocalDate endDay;

    @Option(
            names = "--concurrency",
            defaultValue = "1",
            description = "Requests in flight; above 1 for a fast backfill, not live-like (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--gzip",
            negatable = true,
            description = "Compress request bodies (default: only when the endpoint is not on this machine;"
                    + " on loopback gzip costs CPU on both sides and saves nothing).")
    Boolean gzip;

    @Option(
            names = "--max-retries",
            defaultValue = "5",
            description = "Retries of a request after network errors, timeouts, 429, 502, 503 or 504"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(
            names = "--retry-delay-ms",
            defaultValue = "500",
            description = "Backoff before the first retry; it doubles, with jitter, up to 30 s"
                    + " (default: ${DEFAULT-VALUE}).")
    long retryDelayMs;

    private ReplayTotals.Snapshot outcome;

    /** The final tally of the last {@link #call()} that got as far as sending, or null. */
    public ReplayTotals.Snapshot outcome() {
        return outcome;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        DayRange range = new DayRange(startDay, endDay);
        Consumer<String> log = lineLog(spec.commandLine().getErr());
        CsvScan scan = scan(range, log);
        long plannedBatches = scan.batches(maxRequestRows);
        log.accept("replaying " + scan.rows() + " rows of " + scan.days() + " days ("
                + CsvRow.date(scan.rowsPerDay().firstKey()) + " to "
                + CsvRow.date(scan.rowsPerDay().lastKey()) + ") in " + plannedBatches
                + " requests" + (dryRun ? " (dry run)" : " to " + endpointUrl));

        Replay replay = new Replay(
                new Replay.Options(
                        concurrency, Duration.ofMillis(intervalMs), gzip(gzip, endpointUrl), continueOnError, verbose),
                dryRun ? null : sender(log),
                log,
                progress(scan, log));
        ReplayTotals.Snapshot end;
        try (DayBatches batches =
                DayBatches.open(csvPath, scan, range, maxRequestRows, notice -> log.accept("notice: " + notice))) {
            end = replay.run(batches);
        }
        outcome = end;
        Summary.print(spec.commandLine().getOut(), scan, plannedBatches, end, dryRun);
        BatchFailure failure = end.earliestFailure();
        if (failure != null) {
            throw new CommandFailure(
                    failure.exitCode(),
                    end.batchesFailed() + " of " + end.batchesPrepared() + " requests failed, the earliest "
                            + failure.message() + "; re-run with --start-day "
                            + failure.batch().day());
        }
        return ExitCode.OK;
    }

    /**
     * Whether to gzip the bodies: as {@code --gzip} / {@code --no-gzip} say, otherwise only for an
     * endpoint that is not a loopback address (localhost, 127.0.0.0/8, ::1).
     */
    static boolean gzip(Boolean option, URI endpoint) {
        if (option != null) {
            return option;
        }
        String host = endpoint.getHost();
        if (host == null) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return !(host.equalsIgnoreCase("localhost")
                || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")
                || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
    }

    private void checkOptions() {
        if (maxRequestRows < 1 || maxRequestRows > API_MAX_ROWS) {
            throw CommandFailure.badInput("--max-request-rows must be from 1 to " + API_MAX_ROWS
                    + " (the API refuses larger requests), got " + maxRequestRows);
        }
        if (intervalMs < 0 || timeoutSeconds < 1 || concurrency < 1 || maxRetries < 0 || retryDelayMs < 0) {
            throw CommandFailure.badInput("--interval-ms, --max-retries and --retry-delay-ms must be 0 or more;"
                    + " --timeout-seconds and --concurrency 1 or more");
        }
        if (startDay != null && endDay != null && endDay.isBefore(startDay)) {
            throw CommandFailure.badInput("--end-day " + endDay + " is before --start-day " + startDay);
        }
        if (endpointUrl.getHost() == null) {
            throw CommandFailure.badInput("--endpoint-url must be an absolute http(s) URL, got " + endpointUrl);
        }
        if (dryRun) {
            return;
        }
        if (username != null && (password == null || password.isEmpty())) {
            throw CommandFailure.badInput("--username needs a password: give --password or set " + PASSWORD_VARIABLE);
        }
        if ((token == null || token.isEmpty()) && username == null) {
            throw CommandFailure.badInput(
                    "no token: give --token, set " + TOKEN_VARIABLE + ", or log in with --username/--password");
        }
    }

    private CsvScan scan(DayRange range, Consumer<String> log) {
        CsvScan scan;
        try {
            scan = CsvScan.of(csvPath, range);
        } catch (InvalidCsvException e) {
            e.shown().forEach(problem -> log.accept(csvPath + ": " + problem));
            if (e.total() > e.shown().size()) {
                log.accept(csvPath + ": ... and " + (e.total() - e.shown().size()) + " more");
            }
            throw CommandFailure.badInput(e.getMessage());
        }
        if (!scan.ignoredColumns().isEmpty()) {
            log.accept(
                    "notice: " + csvPath + ": not sending unknown columns " + String.join(", ", scan.ignoredColumns()));
        }
        if (scan.rows() == 0) {
            throw CommandFailure.badInput(csvPath + ": no rows"
                    + (startDay == null && endDay == null ? "" : " between the --start-day and --end-day given"));
        }
        return scan;
    }

    private BatchSender sender(Consumer<String> log) throws IOException, InterruptedException {
        ApiClient api = new ApiClient(endpointUrl.resolve("/"), Duration.ofSeconds(timeoutSeconds));
        boolean hasToken = token != null && !token.isEmpty();
        AccessToken access = username == null
                ? AccessToken.fixed(token)
                : AccessToken.renewable(api, hasToken ? token : null, username, password);
        RetrySettings retry = new RetrySettings(maxRetries, Duration.ofMillis(retryDelayMs), MAX_RETRY_DELAY);
        return new BatchSender(api, endpointUrl, access, retry, log);
    }

    private ReplayProgress progress(CsvScan scan, Consumer<String> log) {
        // a live bar only where a person watches and per-batch lines do not scroll it away
        return System.console() != null && !verbose && !dryRun
                ? ReplayProgress.onTerminal(scan)
                : ReplayProgress.asLogLines(scan, log, PROGRESS_EVERY);
    }

    /** Log lines on stderr, whole even when request threads write at once. */
    private static Consumer<String> lineLog(PrintWriter err) {
        return line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
    }
}
