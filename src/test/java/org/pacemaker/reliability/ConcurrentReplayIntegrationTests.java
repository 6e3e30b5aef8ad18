package org.pacemaker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.InProcessService;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.ExitCode;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay clients racing each other over the same and overlapping days, and one replay with far more
 * requests in flight than the service has database connections: each row is stored once, the
 * clients' inserted counts add up to the table, and no request fails with a server error.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentReplayIntegrationTests {

    /** Far below the concurrency of the replays, so requests queue for connections and threads. */
    private static final int POOL_SIZE = 2;

    private static final int REQUEST_THREADS = 8;

    private static final Pattern INSERTED = Pattern.compile("server: received \\d+, inserted (\\d+),");

    @TempDir
    static Path dir;

    private static InProcessService service;
    private static JdbcTemplate jdbc;
    private static URI ingest;

    @BeforeAll
    static void startService() {
        service = InProcessService.start(Map.of(
                "pacemaker.data-dir",
                dir.resolve("service"),
                "pacemaker.database.pool-size",
                POOL_SIZE,
                "server.tomcat.threads.max",
                REQUEST_THREADS));
        jdbc = service.jdbc();
        ingest = service.ingestUrl();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        jdbc.update("TRUNCATE pacemaker_telemetry");
    }

    @Test
    void replaysOfTheSameAndOverlappingDaysAtOnceStoreEachRowOnce() {
        LocalDate first = LocalDate.ofEpochDay(
                FixtureDays.rowsPerDay().keySet().iterator().next());
        List<String[]> ranges = List.of(
                new String[0],
                new String[0],
                new String[] {
                    "--start-day",
                    first.plusDays(30).toString(),
                    "--end-day",
                    first.plusDays(100).toString()
                },
                new String[] {"--start-day", first.plusDays(60).toString()},
                new String[] {"--end-day", first.plusDays(75).toString()});

        List<CompletableFuture<CliRun>> replays = new ArrayList<>();
        for (String[] range : ranges) {
            replays.add(CompletableFuture.supplyAsync(() -> replay(FixtureDays.CSV, "4", "500", range)));
        }

        long inserted = 0;
        for (CompletableFuture<CliRun> replay : replays) {
            CliRun run = replay.join();
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
            inserted += inserted(run);
        }
        assertThat(ServiceCrashIntegrationTests.storedPerDay(jdbc)).isEqualTo(FixtureDays.rowsPerDay());
        assertThat(inserted).isEqualTo(FixtureDays.ROWS);
    }

    @Test
    void aReplayFarAboveThePoolSizeFinishesWithoutServerErrors(CapturedOutput output) {
        Path csv = dir.resolve("many-requests.csv");
        CliRun generated = CliRun.of(
                "generate",
                "--patients",
                "200",
                "--days",
                "120",
                "--end-time",
                "2026-01-01",
                "--output",
                csv.toString());
        assertThat(generated.exitCode()).as(generated.err()).isEqualTo(ExitCode.OK);
        long rows = dataLines(csv);

        // 25-row requests: 8 a day, 960 in all, 32 in flight against 8 request threads and 2 connections
        CliRun run = replay(csv, "32", "25");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(inserted(run)).isEqualTo(rows);
        assertThat(ServiceCrashIntegrationTests.count(jdbc)).isEqualTo(rows);
        // back-pressure may answer 503 with Retry-After; a 500 would be a failure the client cannot retry
        assertThat(output.getAll())
                .contains("/api/v1/telemetry/ingest 200 ")
                .doesNotContain("/api/v1/telemetry/ingest 500 ");
    }

    private static CliRun replay(Path csv, String concurrency, String maxRequestRows, String... range) {
        List<String> args = new ArrayList<>(List.of(
                "replay",
                "--csv-path",
                csv.toString(),
                "--endpoint-url",
                ingest.toString(),
                "--username",
                "admin@example.com",
                "--password",
                "changethis",
                "--interval-ms",
                "0",
                "--concurrency",
                concurrency,
                "--max-request-rows",
                maxRequestRows));
        args.addAll(List.of(range));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static long inserted(CliRun run) {
        Matcher matcher = INSERTED.matcher(run.out() + run.err());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Rows of the file, counted from it: failing patients send fewer than patients x days. */
    private static long dataLines(Path csv) {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
