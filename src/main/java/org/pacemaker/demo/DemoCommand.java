package org.pacemaker.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pacemaker.PacemakerApplication;
import org.pacemaker.auth.SecuritySettings;
import org.pacemaker.cli.CommandFailure;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.cli.PacemakerCommand;
import org.pacemaker.client.ApiClient;
import org.pacemaker.client.IngestCounts;
import org.pacemaker.db.DatabaseServer;
import org.pacemaker.generator.EndTimeConverter;
import org.pacemaker.generator.GenerateCommand;
import org.pacemaker.replay.CsvPairs;
import org.pacemaker.replay.ReplayCommand;
import org.pacemaker.replay.ReplayTotals;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The seed's six manual steps in one command: generate, start the service (embedded PostgreSQL
 * unless one is configured), log in as the first superuser, replay, and check what was stored. It
 * runs the generate and replay commands themselves, so the demo shows exactly what they do.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole flow end to end: generate a dataset, start the service, log in, replay the"
                    + " dataset into it and report what was stored.",
            "Data stays in --data-dir: a second run finds every row already stored."
        })
public final class DemoCommand implements Callable<Integer> {

    private static final int STORED_CHECK_CHUNK = 500_000;
    private static final String STORED_PAIRS = """
            SELECT count(*) FROM pacemaker_telemetry t
            JOIN (SELECT DISTINCT p, ts FROM unnest(?::int4[], ?::int8[]) AS u(p, ts)) u
              ON t.patient_id = u.p AND t."timestamp" = to_timestamp(u.ts)""";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--patients",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "1825",
            description = "Days per patient (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--end-time",
            paramLabel = "TIME",
            defaultValue = "2026-01-01",
            converter = EndTimeConverter.class,
            description = "The last reading's time; fixed so that a second run reuses the dataset"
                    + " (default: ${DEFAULT-VALUE}).")
    long endTime;

    @Option(
            names = "--interval-ms",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Pause between requests; 1000 is the seed's live pace (default: ${DEFAULT-VALUE},"
                    + " as fast as the service accepts).")
    long intervalMs;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--port",
            defaultValue = "0",
            description = "The service's HTTP port; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "./data",
            description = "Folder for the dataset and the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the demo's datasets and embedded database first.")
    boolean fresh;

    @Option(
            names = "--keep-running",
            description = "Leave the service running at the end and print how to use it; stop with Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw CommandFailure.badInput("--port must be from 0 to 65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = dataDir.toAbsolutePath().normalize();
        Path datasets = folder.resolve("demo");
        if (fresh) {
            wipe(out, folder, datasets);
        }
        Report report = new Report();

        Path csv = datasets.resolve("pacemaker_data-%dp-%dd-seed%d-end%d.csv".formatted(patients, days, seed, endTime));
        Instant started = Instant.now();
        if (Files.exists(csv)) {
            out.println("== Dataset: reusing " + csv);
        } else {
            out.println("== Generating " + patients + " patients x " + days + " days into " + csv);
            GenerateCommand generate = run(
                    GenerateCommand.class,
                    "generate",
                    "--patients",
                    patients,
                    "--days",
                    days,
                    "--seed",
                    seed,
                    "--end-time",
                    endTime,
                    "--output",
                    csv);
            report.generatedRows = generate.rowsWritten();
        }
        report.generate = Duration.between(started, Instant.now());

        out.println("== Starting the service");
        started = Instant.now();
        ConfigurableApplicationContext service = PacemakerApplication.start(Map.of(
                "server.port", port,
                "pacemaker.data-dir", folder,
                // the report says what matters; the service's own start-up lines would bury it
                "logging.level.root", "WARN"));
        try {
            URI url = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            boolean embedded = service.getBean(DatabaseServer.class).isEmbedded();
            report.start = Duration.between(started, Instant.now());
            out.println("   " + url + ", " + (embedded ? "embedded PostgreSQL in " + folder : "configured PostgreSQL"));

            SecuritySettings security = service.getBean(SecuritySettings.class);
            String token = new ApiClient(url, Duration.ofSeconds(30))
                    .login(security.firstSuperuser(), security.firstSuperuserPassword());
            out.println("   logged in as " + security.firstSuperuser());

            out.println("== Replaying " + csv.getFileName());
            ReplayCommand replay = run(
                    ReplayCommand.class,
                    "replay",
                    "--csv-path",
                    csv,
                    "--endpoint-url",
                    url.resolve("/api/v1/telemetry/ingest"),
                    "--token",
                    token,
                    "--interval-ms",
                    intervalMs,
                    "--concurrency",
                    concurrency);
            report.replay = replay.outcome();
            started = Instant.now();
            report.storedRows = storedRows(service.getBean(JdbcTemplate.class), csv);
            report.check = Duration.between(started, Instant.now());
            report.print(out);

            if (keepRunning) {
                out.println();
                out.println(
                        "The service keeps running at " + url + " (API docs: " + url + "/docs). Stop it with Ctrl-C.");
                out.println("  superuser: " + security.firstSuperuser() + ", password: " + passwordHint(security));
                out.println("  log in:    ./pacemaker login --url " + url + " --username " + security.firstSuperuser()
                        + " --password-stdin");
                PacemakerApplication.awaitShutdown(service);
            }
            if (!report.storedMatches()) {
                throw new CommandFailure(
                        ExitCode.INTERNAL,
                        "stored rows (" + report.storedRows + ") differ from the CSV's distinct rows ("
                                + report.distinctRows() + ")");
            }
            return ExitCode.OK;
        } finally {
            service.close();
        }
    }

    /**
     * The superuser's password as --keep-running prints it: the local default itself, which is no
     * secret; a password of one's own only by the variable that holds it, so it never lands in a log.
     */
    private static String passwordHint(SecuritySettings security) {
        return SecuritySettings.DEFAULT_SECRET.equals(security.firstSuperuserPassword())
                ? SecuritySettings.DEFAULT_SECRET + " (the default; set FIRST_SUPERUSER_PASSWORD for another)"
                : "the value of FIRST_SUPERUSER_PASSWORD";
    }

    /** Runs one of the other commands with the demo's output streams; fails the demo if it failed. */
    private <T> T run(Class<T> type, String name, Object... arguments) {
        CommandLine tree = PacemakerCommand.commandLine()
                .setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr());
        String[] args = new String[arguments.length + 1];
        args[0] = name;
        for (int i = 0; i < arguments.length; i++) {
            args[i + 1] = String.valueOf(arguments[i]);
        }
        int exitCode = tree.execute(args);
        if (exitCode != ExitCode.OK) {
            throw new CommandFailure(exitCode, "the demo stopped: " + name + " failed (see above)");
        }
        return type.cast(tree.getSubcommands().get(name).getCommand());
    }

    /**
     * Stored rows whose (patient_id, timestamp) is one of the CSV's, read back in chunks. Counting by
     * patient and time range instead would also count rows of other datasets kept in the same data
     * folder (another seed fails other patients at other times) or in a configured database.
     */
    private static long storedRows(JdbcTemplate jdbc, Path csv) {
        long[] stored = {0};
        CsvPairs.forEachChunk(
                csv,
                STORED_CHECK_CHUNK,
                (patientIds, timestamps, count) -> stored[0] += jdbc.execute((ConnectionCallback<Long>) connection -> {
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    try (PreparedStatement query = connection.prepareStatement(STORED_PAIRS)) {
                        query.setArray(1, postgres.createArrayOf("int4", Arrays.copyOf(patientIds, count)));
                        query.setArray(2, postgres.createArrayOf("int8", Arrays.copyOf(timestamps, count)));
                        try (ResultSet result = query.executeQuery()) {
                            result.next();
                            return result.getLong(1);
                        }
                    }
                }));
        return stored[0];
    }

    private static void wipe(PrintWriter out, Path folder, Path datasets) throws IOException {
        List<Path> removed = new ArrayList<>(DatabaseServer.deleteEmbedded(DatabaseServer.embeddedDataDir(folder)));
        if (Files.exists(datasets)) {
            org.springframework.util.FileSystemUtils.deleteRecursively(datasets);
            removed.add(datasets);
        }
        out.println(removed.isEmpty() ? "== --fresh: nothing to remove" : "== --fresh: removed " + removed);
    }

    /** The figures of one run. */
    private static final class Report {
        Long generatedRows;
        Duration generate;
        Duration start;
        ReplayTotals.Snapshot replay;
        long storedRows;
        Duration check;

        long distinctRows() {
            return replay.rowsSent() - replay.counts().duplicateInPayload();
        }

        boolean storedMatches() {
            return storedRows == distinctRows();
        }

        void print(PrintWriter out) {
            IngestCounts counts = replay.counts();
            out.println();
            out.println("== Demo report");
            row(
                    out,
                    "generated",
                    generatedRows == null ? "reused the dataset" : number(generatedRows) + " rows",
                    generate);
            row(out, "service", "started", start);
            row(
                    out,
                    "replay",
                    number(replay.batchesSent()) + " requests, " + number(replay.rowsSent()) + " rows, "
                            + number(Math.round(replay.rowsPerSecond())) + " rows/s",
                    replay.elapsed());
            row(out, "inserted", number(counts.inserted()), null);
            row(
                    out,
                    "duplicates",
                    number(counts.duplicate()) + " (in payload " + number(counts.duplicateInPayload()) + ", existing "
                            + number(counts.duplicateExisting()) + ")",
                    null);
            row(
                    out,
                    "stored",
                    number(storedRows) + " rows, the CSV's distinct rows: " + number(distinctRows())
                            + (storedMatches() ? " (OK)" : " (MISMATCH)"),
                    check);
            row(out, "total", "", generate.plus(start).plus(replay.elapsed()).plus(check));
            out.flush();
        }

        private static void row(PrintWriter out, String label, String text, Duration time) {
            String seconds = time == null ? "" : String.format(Locale.ROOT, "%8.1f s", time.toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  %-11s %-64s %s%n", label, text, seconds).flush();
        }

        private static String number(long value) {
            return String.format(Locale.ROOT, "%,d", value);
        }
    }
}
