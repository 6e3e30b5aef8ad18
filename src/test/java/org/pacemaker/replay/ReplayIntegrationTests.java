package org.pacemaker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.InProcessService;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.client.ApiClient;
import org.pacemaker.replay.FaultProxy.Fault;
import org.pacemaker.schema.TelemetryField;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replays against the real service and its PostgreSQL; faults come from a proxy in front of it. */
class ReplayIntegrationTests {

    private static final String USERNAME = "admin@example.com";
    private static final String PASSWORD = "changethis";
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 8, 5);

    @TempDir
    static Path dataDir;

    @TempDir
    Path dir;

    private static InProcessService service;
    private static JdbcTemplate jdbc;
    private static URI baseUrl;
    private static String token;

    @BeforeAll
    static void startService() throws IOException, InterruptedException {
        service = InProcessService.start(Map.of("pacemaker.data-dir", dataDir));
        jdbc = service.jdbc();
        baseUrl = service.baseUrl();
        token = new ApiClient(baseUrl, Duration.ofSeconds(30)).login(USERNAME, PASSWORD);
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
    void aFullReplayStoresExactlyTheFileAndASecondFindsEveryRowStored() throws IOException {
        ReplayRun first = replay(ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .contains("batches: 150 of 150 prepared, 150 sent, 0 failed")
                .contains("rows: 4313 of 4313 prepared, 4313 sent")
                .contains("received 4313, inserted 4313, duplicates 0 (in payload 0, existing 0)");
        assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));

        ReplayRun second = replay(ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString());

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("received 4313, inserted 0, duplicates 4313 (in payload 0, existing 4313)");
        assertThat(storedCount()).isEqualTo(CsvFiles.FIXTURE_ROWS);
    }

    @Test
    void aDryRunStoresNothing() {
        ReplayRun run = replay(ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(storedCount()).isZero();
    }

    @Test
    void generatorAndSnakeCaseHeadersStoreTheSameRows() {
        replay(ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString());
        List<Map<String, Object>> fromGeneratorNames = storedRows();
        emptyTable();

        ReplayRun run =
                replay(ingestUrl(), "--csv-path", CsvFiles.snakeCase(dir).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(storedRows()).isEqualTo(fromGeneratorNames).hasSize(CsvFiles.FIXTURE_ROWS);
    }

    @Test
    void anUnorderedFileStoresTheSameRows() throws IOException {
        ReplayRun run = replay(ingestUrl(), "--csv-path", CsvFiles.shuffled(dir).toString(), "--no-gzip");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));
    }

    @Test
    void concurrentRequestsStoreTheSameRows() throws IOException {
        ReplayRun run = replay(
                ingestUrl(),
                "--csv-path",
                CsvFiles.FIXTURE.toString(),
                "--concurrency",
                "4",
                "--max-request-rows",
                "7");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("707 of 707 prepared, 707 sent");
        assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));
    }

    @Test
    void startAndEndDaySelectTheDaysBetween() {
        ReplayRun run = replay(
                ingestUrl(),
                "--csv-path",
                CsvFiles.FIXTURE.toString(),
                "--start-day",
                "2025-08-10",
                "--end-day",
                "2025-08-19");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("batches: 10 of 10 prepared");
        assertThat(storedDays()).containsExactlyElementsOf(days(LocalDate.of(2025, 8, 10), 10));
    }

    @Test
    void afterAFailureTheSummaryNamesTheDayToRestartFromAndARerunCompletesTheTable() throws IOException {
        try (FaultProxy proxy = new FaultProxy(baseUrl, n -> n == 20 ? Fault.SERVER_ERROR : Fault.NONE)) {
            ReplayRun failed = replay(proxy.ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString());

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.SERVER);
            assertThat(failed.out()).contains("to resume, re-run with --start-day 2025-08-25");
            assertThat(failed.err()).contains("2025-08-25: ingest refused: Injected failure (HTTP 500)");
            assertThat(proxy.ingestRequests()).as("a 500 is not retried").isEqualTo(21);
            assertThat(storedDays()).containsExactlyElementsOf(days(FIRST_DAY, 20));
        }

        ReplayRun rerun = replay(ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString(), "--start-day", "2025-08-25");

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));
    }

    @Test
    void continueOnErrorSendsTheRestAndStillFails() throws IOException {
        try (FaultProxy proxy = new FaultProxy(baseUrl, n -> n == 3 ? Fault.SERVER_ERROR : Fault.NONE)) {
            ReplayRun run = replay(proxy.ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString(), "--continue-on-error");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER);
            assertThat(run.out())
                    .contains("150 of 150 prepared, 149 sent, 1 failed")
                    .contains("--start-day 2025-08-08");
            assertThat(storedDays()).hasSize(149).doesNotContain(LocalDate.of(2025, 8, 8));
        }
    }

    @Test
    void anExpiredTokenMidRunIsRenewedWithTheCredentials() throws IOException {
        try (FaultProxy proxy = new FaultProxy(baseUrl, n -> n == 40 ? Fault.TOKEN_EXPIRED : Fault.NONE)) {
            ReplayRun run = ReplayRun.of(
                    "--csv-path",
                    CsvFiles.FIXTURE.toString(),
                    "--endpoint-url",
                    proxy.ingestUrl().toString(),
                    "--interval-ms",
                    "0",
                    "--token",
                    "",
                    "--username",
                    USERNAME,
                    "--password",
                    PASSWORD);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("logging in again");
            assertThat(proxy.logins()).as("first login and the renewal").isEqualTo(2);
            assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));
        }
    }

    @Test
    void anExpiredTokenWithoutCredentialsStopsWithTheAuthExitCode() throws IOException {
        try (FaultProxy proxy = new FaultProxy(baseUrl, n -> n == 5 ? Fault.TOKEN_EXPIRED : Fault.NONE)) {
            ReplayRun run = replay(proxy.ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTH);
            assertThat(run.err()).contains("Could not validate credentials (HTTP 401)");
            assertThat(storedDays()).hasSize(5);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthFailure() {
        ReplayRun run = ReplayRun.of(
                "--csv-path",
                CsvFiles.FIXTURE.toString(),
                "--endpoint-url",
                ingestUrl().toString(),
                "--token",
                "",
                "--username",
                USERNAME,
                "--password",
                "wrong");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTH);
        assertThat(storedCount()).isZero();
    }

    @Test
    void unavailableAnswersAndDroppedConnectionsAreRetriedAndTheTableIsStillExact() throws IOException {
        try (FaultProxy proxy = new FaultProxy(baseUrl, n -> {
            if (n % 7 == 3) {
                return Fault.UNAVAILABLE;
            }
            return n % 11 == 5 ? Fault.DROP_AFTER_STORING : Fault.NONE;
        })) {
            ReplayRun run = replay(proxy.ingestUrl(), "--csv-path", CsvFiles.FIXTURE.toString(), "--concurrency", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("Database unavailable (HTTP 503)").contains("IOException");
            assertThat(proxy.ingestRequests()).isGreaterThan(150);
            // rows whose answer was lost are stored; their retry finds them as existing duplicates
            assertThat(run.out()).contains("received 4313,").doesNotContain("existing 0)");
            assertThat(storedRows()).isEqualTo(csvRows(CsvFiles.FIXTURE));
        }
    }

    private static URI ingestUrl() {
        return baseUrl.resolve("/api/v1/telemetry/ingest");
    }

    private static ReplayRun replay(URI endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--endpoint-url",
                endpoint.toString(),
                "--token",
                token,
                "--interval-ms",
                "0",
                "--retry-delay-ms",
                "1"));
        all.addAll(List.of(args));
        return ReplayRun.of(all.toArray(String[]::new));
    }

    private static long storedCount() {
        return jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
    }

    private static List<LocalDate> storedDays() {
        return jdbc
                .queryForList(
                        "SELECT DISTINCT (\"timestamp\" AT TIME ZONE 'UTC')::date FROM pacemaker_telemetry ORDER BY 1",
                        java.sql.Date.class)
                .stream()
                .map(java.sql.Date::toLocalDate)
                .toList();
    }

    private static List<LocalDate> days(LocalDate first, int count) {
        return first.datesUntil(first.plusDays(count)).toList();
    }

    /** Every stored row, each column as a number or null, in (patient_id, timestamp) order. */
    private static List<Map<String, Object>> storedRows() {
        String columns = TelemetryField.all().stream()
                .map(field -> field == TelemetryField.TIMESTAMP
                        ? "extract(epoch FROM \"timestamp\")::float8 AS \"timestamp\""
                        : field.jsonName() + "::float8 AS " + field.jsonName())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return jdbc.queryForList("SELECT " + columns + " FROM pacemaker_telemetry ORDER BY patient_id, \"timestamp\"");
    }

    /** The CSV read independently of the replay code, in the shape of {@link #storedRows()}. */
    private static List<Map<String, Object>> csvRows(Path csv) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                Map<String, Object> row = new HashMap<>();
                for (TelemetryField field : TelemetryField.all()) {
                    String text = record.get(field.csvName());
                    row.put(field.jsonName(), text.isEmpty() ? null : Double.parseDouble(text));
                }
                rows.add(row);
            }
        }
        rows.sort(java.util.Comparator.comparingDouble((Map<String, Object> row) -> (Double) row.get("patient_id"))
                .thenComparingDouble(row -> (Double) row.get("timestamp")));
        return rows;
    }
}
