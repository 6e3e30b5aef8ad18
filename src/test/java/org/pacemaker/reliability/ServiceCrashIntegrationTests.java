package org.pacemaker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.cli.ServiceProcess;
import org.pacemaker.db.DatabaseServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service is SIGKILLed in the middle of a replay and started again: no request is half stored,
 * and re-running the replay from the day its summary names ends with the exact table.
 */
class ServiceCrashIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void aKilledServiceLosesNoAcceptedRowAndHalfStoresNoRequest() throws Exception {
        try (DatabaseServer database = DatabaseServer.embedded(dir.resolve("pg"))) {
            JdbcTemplate jdbc = new JdbcTemplate(
                    new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
            ServiceProcess service = ServiceProcess.start(dir.resolve("service"), database.jdbcUrl());
            CompletableFuture<CliRun> firstReplay =
                    CompletableFuture.supplyAsync(() -> replay(service, "--interval-ms", "25"));

            awaitStoredRows(jdbc, 1000);
            service.kill();
            CliRun interrupted = firstReplay.get(2, TimeUnit.MINUTES);

            assertThat(interrupted.exitCode()).as(interrupted.err()).isEqualTo(ExitCode.SERVER);
            Matcher restart = Pattern.compile("re-run with --start-day (\\d{4}-\\d{2}-\\d{2})")
                    .matcher(interrupted.err());
            assertThat(restart.find()).as(interrupted.err()).isTrue();
            Map<Long, Long> expected = FixtureDays.rowsPerDay();
            Map<Long, Long> stored = storedPerDay(jdbc);
            assertThat(stored)
                    .allSatisfy((day, rows) -> assertThat(rows)
                            .as("day %d holds all its rows or none", day)
                            .isEqualTo(expected.get(day)));
            assertThat(stored.size()).isBetween(1, expected.size() - 1);

            try (ServiceProcess restarted = ServiceProcess.start(dir.resolve("service"), database.jdbcUrl())) {
                CliRun resumed = replay(restarted, "--interval-ms", "0", "--start-day", restart.group(1));
                assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.OK);
            }
            assertThat(storedPerDay(jdbc)).isEqualTo(expected);
            assertThat(jdbc.queryForObject(
                            "SELECT count(DISTINCT (patient_id, \"timestamp\")) FROM pacemaker_telemetry", Long.class))
                    .isEqualTo(FixtureDays.ROWS);
        }
    }

    private static CliRun replay(ServiceProcess service, String... options) {
        String[] args = new String[13 + options.length];
        System.arraycopy(
                new String[] {
                    "replay",
                    "--csv-path",
                    FixtureDays.CSV.toString(),
                    "--endpoint-url",
                    service.url().resolve("/api/v1/telemetry/ingest").toString(),
                    "--username",
                    "admin@example.com",
                    "--password",
                    "changethis",
                    "--max-retries",
                    "2",
                    "--retry-delay-ms",
                    "100"
                },
                0,
                args,
                0,
                13);
        System.arraycopy(options, 0, args, 13, options.length);
        return CliRun.of(args);
    }

    static void awaitStoredRows(JdbcTemplate jdbc, long rows) throws InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (count(jdbc) < rows) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + rows + " rows stored in time");
            }
            Thread.sleep(50);
        }
    }

    static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
    }

    static Map<Long, Long> storedPerDay(JdbcTemplate jdbc) {
        Map<Long, Long> days = new TreeMap<>();
        jdbc.query(
                "SELECT extract(epoch FROM \"timestamp\")::bigint / 86400 AS day, count(*) AS n"
                        + " FROM pacemaker_telemetry GROUP BY 1",
                row -> {
                    days.put(row.getLong("day"), row.getLong("n"));
                });
        return days;
    }
}
