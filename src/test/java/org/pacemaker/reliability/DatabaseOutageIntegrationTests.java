package org.pacemaker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.InProcessService;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.cli.ServiceProcess;
import org.pacemaker.client.ApiClient;
import org.pacemaker.db.DatabaseServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL stops in the middle of a replay and comes back: meanwhile the service answers 503 with
 * Retry-After (not 500), then reconnects by itself, and the client's retries finish the exact table.
 */
class DatabaseOutageIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void aDatabaseRestartIsA503ThatTheReplayRidesOut() throws Exception {
        int databasePort = ServiceProcess.freePort();
        Path pgData = dir.resolve("pg");
        DatabaseServer database = DatabaseServer.embedded(pgData, databasePort);
        String jdbcUrl = database.jdbcUrl();
        InProcessService service = InProcessService.start(Map.of(
                "pacemaker.data-dir",
                dir.resolve("service"),
                "pacemaker.database.url",
                jdbcUrl,
                "pacemaker.database.user",
                "postgres"));
        try {
            URI ingest = service.ingestUrl();
            String token =
                    new ApiClient(service.baseUrl(), Duration.ofSeconds(30)).login("admin@example.com", "changethis");
            CompletableFuture<CliRun> replay = CompletableFuture.supplyAsync(() -> CliRun.of(
                    "replay",
                    "--csv-path",
                    FixtureDays.CSV.toString(),
                    "--endpoint-url",
                    ingest.toString(),
                    "--token",
                    token,
                    "--interval-ms",
                    "25",
                    "--max-retries",
                    "10",
                    "--retry-delay-ms",
                    "250"));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
            ServiceCrashIntegrationTests.awaitStoredRows(jdbc, 1000);

            database.close();
            HttpResponse<String> duringOutage = post(ingest, token);
            assertThat(duringOutage.statusCode()).as(duringOutage.body()).isEqualTo(503);
            assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
            assertThat(duringOutage.body()).contains("The database is unavailable");
            Thread.sleep(1_000);
            database = DatabaseServer.embedded(pgData, databasePort);

            CliRun finished = replay.get(3, TimeUnit.MINUTES);
            assertThat(finished.exitCode()).as(finished.err()).isEqualTo(ExitCode.OK);
            assertThat(ServiceCrashIntegrationTests.storedPerDay(jdbc)).isEqualTo(FixtureDays.rowsPerDay());
            assertThat(post(ingest, token).statusCode()).isEqualTo(200);
        } finally {
            service.close();
            database.close();
        }
    }

    private static HttpResponse<String> post(URI ingest, String token) throws Exception {
        String row = "[{\"patient_id\":999,\"timestamp\":1,\"lead_impedance_ohms\":1,\"capture_threshold_v\":1,"
                + "\"r_wave_sensing_mv\":1,\"battery_voltage_v\":1}]";
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(ingest)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(row))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
