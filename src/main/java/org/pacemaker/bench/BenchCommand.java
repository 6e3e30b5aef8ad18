package org.pacemaker.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.pacemaker.cli.CommandFailure;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.cli.JavaLauncher;
import org.pacemaker.cli.ServiceProcess;
import org.pacemaker.client.ApiClient;
import org.pacemaker.db.DatabaseServer;
import org.pacemaker.schema.TelemetryField;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 6's benchmark: on a fresh embedded PostgreSQL of its own, the generator, the COPY limit, the
 * replay client against the service at several concurrencies, and the duplicates pass, each the
 * median of {@code --runs}. The generator, the service and the replay client run as the separate
 * JVMs they are in use, so that memory and CPU are measured per process.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the pipeline on a fresh embedded PostgreSQL: the generator, loading the dataset with COPY"
                    + " (the limit), replaying it into the service at concurrency 1 and the best of --concurrency,"
                    + " and replaying it again over the full table (all duplicates).",
            "Prints one table (rows, seconds, rows/s, ratio to COPY, peak MB, server-side latency, CPU) and,"
                    + " as the last line, the best end-to-end throughput over COPY's.",
            "The full default dataset takes a while; --quick (1000 patients x 365 days) a few minutes."
        })
public final class BenchCommand implements Callable<Integer> {

    private static final String END_TIME = "2026-01-01";
    private static final String USER = "bench@example.com";
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "1000 patients x 365 days unless --patients or --days say otherwise.")
    boolean quick;

    @Option(names = "--patients", paramLabel = "N", description = "Patients in the dataset (default: 1000).")
    Integer patients;

    @Option(names = "--days", paramLabel = "D", description = "Days per patient (default: 1825, with --quick 365).")
    Integer days;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs of each phase; the report shows their median (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            split = ",",
            defaultValue = "2,4,8",
            description = "Concurrencies to try besides 1; the best one is the end-to-end figure and runs the"
                    + " duplicates pass (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "The generator's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where the dataset, the database and the processes' logs go, kept afterwards"
                    + " (default: a temporary folder, deleted at the end).")
    Path workDir;

    @Option(
            names = "--write-doc",
            paramLabel = "FILE",
            description = "Also write the table, the machine and this command into FILE (for example"
                    + " docs/benchmarks.md), replacing the section an earlier run wrote; the rest stays.")
    Path writeDoc;

    @Option(
            names = "--service-java-options",
            paramLabel = "OPTIONS",
            defaultValue = "",
            description = "JVM options for the service, for example -XX:StartFlightRecording=filename=service.jfr.")
    String serviceJavaOptions;

    @Option(
            names = "--replay-java-options",
            paramLabel = "OPTIONS",
            defaultValue = "",
            description = "JVM options for the replay client.")
    String replayJavaOptions;

    private BenchReport report;
    private PrintWriter err;
    private Path logDir;

    /** The findings of the last successful {@link #call()}. */
    BenchReport report() {
        return report;
    }

    @Override
    public Integer call() throws IOException, InterruptedException, SQLException {
        int patientCount = patients != null ? patients : 1000;
        int dayCount = days != null ? days : quick ? 365 : 1825;
        if (patientCount < 1 || dayCount < 1 || runs < 1 || concurrency.stream().anyMatch(c -> c < 1)) {
            throw CommandFailure.badInput("--patients, --days, --runs and --concurrency must be 1 or more");
        }
        err = spec.commandLine().getErr();
        quietLibraries();
        if (!ProcFs.available()) {
            log("notice: no /proc here: memory and CPU are not measured");
        }
        Path work = workDir != null ? workDir.toAbsolutePath() : Files.createTempDirectory("pacemaker-bench-");
        if (workDir != null && Files.isDirectory(work)) {
            try (var entries = Files.list(work)) {
                if (entries.findAny().isPresent()) {
                    throw CommandFailure.badInput("--work-dir must be empty or new: " + work);
                }
            }
        }
        logDir = Files.createDirectories(work.resolve("logs"));
        // Ctrl-C skips the finally blocks: stop the service, a replay and PostgreSQL all the same
        Thread stopChildren = new Thread(
                () -> ProcessHandle.current().children().forEach(child -> {
                    child.descendants().forEach(ProcessHandle::destroy);
                    child.destroy();
                }),
                "bench-stop-children");
        Runtime.getRuntime().addShutdownHook(stopChildren);
        try {
            report = measure(work, patientCount, dayCount);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopChildren);
            if (workDir == null) {
                FileSystemUtils.deleteRecursively(work);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        report.textTable().forEach(out::println);
        out.println();
        report.targets().forEach(line -> out.println("  " + line));
        out.println(report.ratioLine());
        out.flush();
        return ExitCode.OK;
    }

    private BenchReport measure(Path work, int patientCount, int dayCount)
            throws IOException, InterruptedException, SQLException {
        Path csv = work.resolve("pacemaker_data.csv");
        log("== bench: " + patientCount + " patients x " + dayCount + " days, " + runs + " runs of each phase, in "
                + work);

        List<ChildRun> generated = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            generated.add(child(
                    "generate-" + run,
                    List.of(),
                    List.of(
                            "generate",
                            "--patients",
                            Integer.toString(patientCount),
                            "--days",
                            Integer.toString(dayCount),
                            "--seed",
                            Long.toString(seed),
                            "--end-time",
                            END_TIME,
                            "--output",
                            csv.toString()),
                    Map.of()));
        }
        long rows = dataLines(csv);
        Measurement generate = Measurement.other(
                "generate", rows, median(generated, ChildRun::seconds), medianOrNull(generated, ChildRun::peakMb));
        log(line(generate));

        try (DatabaseServer database = DatabaseServer.embedded(DatabaseServer.embeddedDataDir(work));
                Connection sql =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.user(), database.password())
                    .load()
                    .migrate();
            Phases phases = new Phases(work, csv, rows, sql, database.jdbcUrl(), postmasterPid(work));
            Machine machine = Machine.describe(phases.text("SHOW server_version"));
            BenchReport found = phases.run(generate);
            if (writeDoc != null) {
                BenchDoc.write(writeDoc, found, machine, commandLine());
                log("wrote " + writeDoc);
            }
            return found;
        }
    }

    /** The phases against the database: COPY, then the service and the replays. */
    private final class Phases {
        private final Path work;
        private final Path csv;
        private final long rows;
        private final Connection sql;
        private final String jdbcUrl;
        private final long postmasterPid;

        Phases(Path work, Path csv, long rows, Connection sql, String jdbcUrl, long postmasterPid) {
            this.jdbcUrl = jdbcUrl;
            this.work = work;
            this.csv = csv;
            this.rows = rows;
            this.sql = sql;
            this.postmasterPid = postmasterPid;
        }

        BenchReport run(Measurement generate) throws IOException, InterruptedException, SQLException {
            List<Double> copySeconds = new ArrayList<>();
            List<Double> copyCpu = new ArrayList<>();
            List<Double> copyClientCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                empty();
                Double postgresBefore = postgresCpu();
                Double benchBefore = cpuSeconds(ProcessHandle.current().pid());
                long started = System.nanoTime();
                long copied = CopyLoad.load(sql, csv);
                copySeconds.add((System.nanoTime() - started) / 1e9);
                addIfKnown(copyCpu, difference(postgresCpu(), postgresBefore));
                addIfKnown(
                        copyClientCpu,
                        difference(cpuSeconds(ProcessHandle.current().pid()), benchBefore));
                if (copied != rows) {
                    throw new CommandFailure(ExitCode.INTERNAL, "COPY loaded " + copied + " rows, the CSV has " + rows);
                }
            }
            String csvFingerprint = fingerprint();
            Measurement copy = Measurement.load(
                    "COPY (the limit)",
                    rows,
                    Stats.median(copySeconds),
                    null,
                    null,
                    null,
                    new Measurement.Cpu(medianOrNull(copyClientCpu), null, medianOrNull(copyCpu)));
            log(line(copy));
            empty();

            String password = Base64.getUrlEncoder().encodeToString(new SecureRandom().generateSeed(18));
            Map<String, String> serviceEnvironment = Map.of(
                    "ENVIRONMENT",
                    "local",
                    "FIRST_SUPERUSER",
                    USER,
                    "FIRST_SUPERUSER_PASSWORD",
                    password,
                    "POSTGRES_PASSWORD",
                    "");
            log("== starting the service");
            try (ServiceProcess service = ServiceProcess.start(
                    work.resolve("service"), jdbcUrl, options(serviceJavaOptions), serviceEnvironment)) {
                String token = new ApiClient(service.url(), Duration.ofSeconds(30)).login(USER, password);
                Replays replays = new Replays(service, token, csvFingerprint);
                List<Measurement> phases = new ArrayList<>(List.of(generate, copy));
                List<Integer> levels = concurrency.stream().distinct().sorted().toList();
                // a fresh service compiles its hot paths during its first requests: not in any figure
                replays.pass("warm-up", levels.isEmpty() ? 1 : levels.get(levels.size() - 1), true, 1);
                Measurement single = replays.pass("replay", 1, true, runs);
                phases.add(single);
                Measurement best = null;
                int bestConcurrency = 1;
                for (int level : levels) {
                    Measurement pass = replays.pass("replay", level, true, runs);
                    phases.add(pass);
                    if (best == null || pass.rowsPerSecond() > best.rowsPerSecond()) {
                        best = pass;
                        bestConcurrency = level;
                    }
                }
                if (best == null) {
                    best = single;
                }
                // the table is full from the last first pass
                Measurement duplicates = replays.pass("duplicates", bestConcurrency, false, runs);
                phases.add(duplicates);
                OptionalLong peak = ProcFs.statusKb(service.pid(), "VmHWM");
                OptionalLong end = ProcFs.statusKb(service.pid(), "VmRSS");
                return new BenchReport(
                        phases,
                        generate,
                        copy,
                        single,
                        best,
                        duplicates,
                        peak.isPresent() ? peak.getAsLong() / 1024.0 : null,
                        end.isPresent() ? end.getAsLong() / 1024.0 : null,
                        String.format(
                                Locale.ROOT,
                                "stored rows equal the CSV: %,d rows after every first pass, the same content as"
                                        + " COPY loaded",
                                rows));
            }
        }

        /** Replays of the CSV into the running service. */
        private final class Replays {
            private final ServiceProcess service;
            private final String token;
            private final String csvFingerprint;
            private final RequestLog requests;

            Replays(ServiceProcess service, String token, String csvFingerprint) {
                this.service = service;
                this.token = token;
                this.csvFingerprint = csvFingerprint;
                this.requests = new RequestLog(service.log());
            }

            /** {@code runCount} replays at this concurrency, into an empty table or over the full one. */
            Measurement pass(String name, int level, boolean intoEmptyTable, int runCount)
                    throws IOException, InterruptedException, SQLException {
                String label = name + ", concurrency " + level;
                List<Double> seconds = new ArrayList<>();
                List<Double> peaks = new ArrayList<>();
                List<Double> p50s = new ArrayList<>();
                List<Double> p99s = new ArrayList<>();
                List<Double> clientCpu = new ArrayList<>();
                List<Double> serviceCpu = new ArrayList<>();
                List<Double> postgresCpu = new ArrayList<>();
                for (int run = 1; run <= runCount; run++) {
                    if (intoEmptyTable) {
                        empty();
                    }
                    requests.skipToEnd();
                    Double serviceBefore = cpuSeconds(service.pid());
                    Double postgresBefore = postgresCpu();
                    ChildRun replay = child(
                            name + "-c" + level + "-" + run,
                            options(replayJavaOptions),
                            List.of(
                                    "replay",
                                    "--csv-path",
                                    csv.toString(),
                                    "--endpoint-url",
                                    service.url()
                                            .resolve("/api/v1/telemetry/ingest")
                                            .toString(),
                                    "--interval-ms",
                                    "0",
                                    "--concurrency",
                                    Integer.toString(level)),
                            Map.of("TELEMETRY_INGEST_TOKEN", token));
                    addIfKnown(serviceCpu, difference(cpuSeconds(service.pid()), serviceBefore));
                    addIfKnown(postgresCpu, difference(postgresCpu(), postgresBefore));
                    addIfKnown(clientCpu, replay.cpuSeconds());
                    addIfKnown(peaks, replay.peakMb());
                    ReplaySummary summary = ReplaySummary.parse(replay.out());
                    check(label, summary, intoEmptyTable);
                    seconds.add(summary.seconds());
                    long[] millis = requestMillis(summary.batchesSent());
                    if (millis.length > 0) {
                        p50s.add((double) Stats.percentile(millis, 50));
                        p99s.add((double) Stats.percentile(millis, 99));
                    }
                }
                if (intoEmptyTable && !fingerprint().equals(csvFingerprint)) {
                    throw new CommandFailure(
                            ExitCode.INTERNAL, label + ": the stored rows differ from the CSV's (as loaded by COPY)");
                }
                Measurement pass = Measurement.load(
                        label,
                        rows,
                        Stats.median(seconds),
                        peaks.isEmpty() ? null : Stats.median(peaks),
                        p50s.isEmpty() ? null : Math.round(Stats.median(p50s)),
                        p99s.isEmpty() ? null : Math.round(Stats.median(p99s)),
                        new Measurement.Cpu(
                                medianOrNull(clientCpu), medianOrNull(serviceCpu), medianOrNull(postgresCpu)));
                log(line(pass));
                return pass;
            }

            private void check(String label, ReplaySummary summary, boolean intoEmptyTable) {
                long expectedInserted = intoEmptyTable ? rows : 0;
                long expectedDuplicates = intoEmptyTable ? 0 : rows;
                if (summary.rowsSent() != rows
                        || summary.inserted() != expectedInserted
                        || summary.duplicates() != expectedDuplicates) {
                    throw new CommandFailure(
                            ExitCode.INTERNAL,
                            String.format(
                                    Locale.ROOT,
                                    "%s: sent %d rows, %d inserted and %d duplicates; expected %d, %d and %d",
                                    label,
                                    summary.rowsSent(),
                                    summary.inserted(),
                                    summary.duplicates(),
                                    rows,
                                    expectedInserted,
                                    expectedDuplicates));
                }
            }

            /** The service logs a request just after answering it: wait for every line of this run. */
            private long[] requestMillis(long requestsSent) throws IOException, InterruptedException {
                List<long[]> parts = new ArrayList<>();
                long seen = 0;
                long deadline = System.nanoTime() + LOG_WAIT.toNanos();
                while (true) {
                    long[] part = requests.newIngestMillis();
                    parts.add(part);
                    seen += part.length;
                    if (seen >= requestsSent || System.nanoTime() > deadline) {
                        break;
                    }
                    Thread.sleep(20);
                }
                return parts.stream().flatMapToLong(Arrays::stream).toArray();
            }
        }

        /** An empty table, and a checkpoint so that no run pays for the one before. */
        private void empty() throws SQLException {
            try (Statement statement = sql.createStatement()) {
                statement.execute("TRUNCATE pacemaker_telemetry");
                statement.execute("CHECKPOINT");
            }
        }

        /** Row count and an order-independent hash of every stored reading (not the ids). */
        private String fingerprint() throws SQLException {
            String row = TelemetryField.all().stream()
                    .map(field -> '"' + field.jsonName() + '"')
                    .collect(Collectors.joining(", ", "ROW(", ")::text"));
            return text("SELECT count(*) || ':' || coalesce(sum(hashtextextended(" + row
                    + ", 0)), 0) FROM pacemaker_telemetry");
        }

        String text(String query) throws SQLException {
            try (Statement statement = sql.createStatement();
                    ResultSet result = statement.executeQuery(query)) {
                result.next();
                return result.getString(1);
            }
        }

        private Double postgresCpu() {
            if (postmasterPid < 0) {
                return null;
            }
            OptionalLong ticks = ProcFs.treeTicks(postmasterPid);
            return ticks.isPresent() ? ticks.getAsLong() / ProcFs.TICKS_PER_SECOND : null;
        }
    }

    /** One finished child process and what was measured of it. */
    private record ChildRun(double seconds, Double peakMb, Double cpuSeconds, String out) {}

    /** Runs a pacemaker command in a JVM of its own, watching its memory and CPU; fails the bench if it fails. */
    private ChildRun child(String name, List<String> javaOptions, List<String> arguments, Map<String, String> env)
            throws IOException, InterruptedException {
        Path logs = logDir;
        Path out = logs.resolve(name + ".out");
        Path errors = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(JavaLauncher.command(javaOptions, arguments))
                .redirectOutput(out.toFile())
                .redirectError(errors.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        int exitCode;
        ProcessSampler sampler = ProcessSampler.watch(process.pid());
        try {
            exitCode = process.waitFor();
        } finally {
            sampler.close();
            process.destroy();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exitCode != 0) {
            // the commands share their exit codes: a bad --days for the generator is bad input here too
            throw new CommandFailure(
                    exitCode, name + " failed with exit code " + exitCode + ": " + tail(Files.readString(errors)));
        }
        return new ChildRun(seconds, sampler.peakMb(), sampler.cpuSeconds(), Files.readString(out));
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() <= 2000 ? stripped : "..." + stripped.substring(stripped.length() - 2000);
    }

    private static long dataLines(Path csv) throws IOException {
        long lines = 0;
        try (var in = Files.newInputStream(csv)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines - 1; // the header
    }

    private static long postmasterPid(Path work) {
        try {
            List<String> lines = Files.readAllLines(
                    DatabaseServer.embeddedDataDir(work).resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return Long.parseLong(lines.get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Double cpuSeconds(long pid) {
        return ProcFs.stat(pid)
                .map(stat -> stat.ownTicks() / ProcFs.TICKS_PER_SECOND)
                .orElse(null);
    }

    private static Double difference(Double after, Double before) {
        return after == null || before == null ? null : after - before;
    }

    private static void addIfKnown(List<Double> values, Double value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        return Stats.median(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
    }

    private static <T> Double medianOrNull(List<T> runs, Function<T, Double> figure) {
        List<Double> known = runs.stream().map(figure).filter(v -> v != null).toList();
        return known.isEmpty() ? null : Stats.median(known);
    }

    private static Double medianOrNull(List<Double> values) {
        return values.isEmpty() ? null : Stats.median(values);
    }

    private static List<String> options(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /** This command as typed, for the document. */
    private String commandLine() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("bench")) {
            args.remove(0);
        }
        return (String.join(" ", "./pacemaker", "bench") + " " + String.join(" ", args)).strip();
    }

    private static String line(Measurement phase) {
        return String.format(
                Locale.ROOT,
                "   %-28s %,d rows in %.2f s, %,.0f rows/s",
                phase.label(),
                phase.rows(),
                phase.seconds(),
                phase.rowsPerSecond());
    }

    /** The embedded database's and Flyway's start-up lines would bury the bench's own. */
    private static void quietLibraries() {
        LoggingSystem logging = LoggingSystem.get(BenchCommand.class.getClassLoader());
        for (String name : List.of("io.zonky", "org.flywaydb", "org.pacemaker.db")) {
            logging.setLogLevel(name, LogLevel.WARN);
        }
    }

    private void log(String line) {
        err.println(line);
        err.flush();
    }
}
