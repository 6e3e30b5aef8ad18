package org.pacemaker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.cli.ExitCode;

/** Bad input is refused before anything is sent; a stub counts what reaches the network. */
class ReplayCommandTests {

    static {
        // the JDK server waits for ACKs otherwise (Nagle), 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path dir;

    private HttpServer stub;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"received_count\":0,\"inserted_count\":0,\"duplicate_count\":0,"
                    .concat("\"duplicate_in_payload_count\":0,\"duplicate_existing_count\":0}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private ReplayRun replay(Path csv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--csv-path",
                csv.toString(),
                "--endpoint-url",
                "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/v1/telemetry/ingest",
                "--token",
                "t",
                "--interval-ms",
                "0"));
        args.addAll(List.of(more));
        return ReplayRun.of(args.toArray(String[]::new));
    }

    @Test
    void sendsOneRequestPerDayOfTheFixture() {
        ReplayRun run = replay(CsvFiles.FIXTURE);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(requests).hasValue(CsvFiles.FIXTURE_DAYS);
    }

    @Test
    void dryRunPreparesEveryBatchAndSendsNothing() {
        ReplayRun run = replay(CsvFiles.FIXTURE, "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(requests).hasValue(0);
        assertThat(run.err()).contains("dry run: 2025-08-05: 30 rows");
        assertThat(run.out()).contains("dry run").contains("150 of 150 prepared, 0 sent");
    }

    @Test
    void dryRunNeedsNoToken() {
        ReplayRun run = ReplayRun.of("--csv-path", CsvFiles.FIXTURE.toString(), "--dry-run", "--token", "");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aMissingColumnIsNamed() {
        Path csv = CsvFiles.withLine(dir, 1, header -> header.replace("Battery_Voltage_V", "Battery"));

        assertRefused(replay(csv), "Battery_Voltage_V", "required column is missing");
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineAndColumn() {
        Path csv = CsvFiles.withCell(dir, 5, 2, "abc");

        assertRefused(replay(csv), "line 5, column Lead_Impedance_Ohms: \"abc\" is not a number");
    }

    @Test
    void anEmptyRequiredCellIsReported() {
        Path csv = CsvFiles.withCell(dir, 7, 5, "");

        assertRefused(replay(csv), "line 7, column Battery_Voltage_V: is required");
    }

    @Test
    void valuesTheApiWouldRefuseAreReportedUpFront() {
        List<String> lines = CsvFiles.fixtureLines();
        lines.set(2, CsvFiles.withCell(lines.get(2), 0, "1.5"));
        lines.set(3, CsvFiles.withCell(lines.get(3), 6, "2"));
        lines.set(4, CsvFiles.withCell(lines.get(4), 1, "NaN"));
        lines.set(5, CsvFiles.withCell(lines.get(5), 3, "1e999"));
        Path csv = CsvFiles.write(dir.resolve("bad.csv"), lines);

        ReplayRun run = replay(csv);

        assertRefused(run, "line 3, column Patient_ID: must be an integer");
        assertThat(run.err())
                .contains("line 4, column Target_Fail_Next_7d: must be 0 or 1")
                .contains("line 5, column Timestamp: \"NaN\" is not a number")
                .contains("line 6, column Capture_Threshold_V: \"1e999\" is not a number");
    }

    @Test
    void everyProblemIsCountedButTheFirstOnesAreShown() {
        List<String> lines = CsvFiles.fixtureLines();
        for (int i = 1; i < 31; i++) {
            lines.set(i, CsvFiles.withCell(lines.get(i), 0, "x"));
        }
        ReplayRun run = replay(CsvFiles.write(dir.resolve("bad.csv"), lines));

        assertRefused(run, "30 problems, the first at line 2, column Patient_ID");
        assertThat(run.err()).contains("... and 10 more");
    }

    @Test
    void aShortRowIsReported() {
        Path csv = CsvFiles.withLine(dir, 9, line -> "3,1754352000,514.9");

        assertRefused(replay(csv), "line 9, column Capture_Threshold_V: missing: the row has 3 cells only");
    }

    @Test
    void moreRowsPerRequestThanTheApiTakesAreRefused() {
        assertRefused(
                replay(CsvFiles.FIXTURE, "--max-request-rows", "2001"), "--max-request-rows must be from 1 to 2000");
    }

    @Test
    void aReplayWithoutTokenOrCredentialsIsRefused() {
        ReplayRun run = ReplayRun.of("--csv-path", CsvFiles.FIXTURE.toString(), "--token", "");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no token");
    }

    @Test
    void unknownColumnsAreNotSentButNamed() {
        Path csv = CsvFiles.withLine(dir, 1, header -> header.replace("Lead_Impedance_Ohms_RollingMean_3d", "Extra"));

        ReplayRun run = replay(csv, "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("not sending unknown columns Extra");
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        Path csv = CsvFiles.withLine(dir, 1, header -> header + ",patient_id");

        assertRefused(replay(csv), "column Patient_ID: appears more than once in the header");
    }

    @Test
    void brokenQuotingIsReported() {
        Path csv = CsvFiles.withCell(dir, 4, 3, "\"0.5");

        assertRefused(replay(csv), "not valid CSV");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertRefused(replay(dir.resolve("absent.csv")), "cannot be read");
    }

    @Test
    void aRangeWithoutRowsIsBadInput() {
        assertRefused(replay(CsvFiles.FIXTURE, "--start-day", "2030-01-01"), "no rows between");
    }

    @Test
    void anUnorderedFileIsSortedWithANotice() {
        ReplayRun run = replay(CsvFiles.shuffled(dir), "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("is not ordered by (timestamp, patient_id): sorting its 4313 rows in memory");
        assertThat(requests).hasValue(CsvFiles.FIXTURE_DAYS);
    }

    private void assertRefused(ReplayRun run, String... expected) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(expected);
        assertThat(requests).as("requests sent").hasValue(0);
    }

    @Test
    void gzipsOnlyEndpointsOffThisMachineUnlessTold() {
        assertThat(ReplayCommand.gzip(null, java.net.URI.create("http://localhost:8000/api/v1/telemetry/ingest")))
                .isFalse();
        assertThat(ReplayCommand.gzip(null, java.net.URI.create("http://127.0.0.1:8000/x")))
                .isFalse();
        assertThat(ReplayCommand.gzip(null, java.net.URI.create("http://[::1]:8000/x")))
                .isFalse();
        assertThat(ReplayCommand.gzip(null, java.net.URI.create("https://ingest.example.org/x")))
                .isTrue();
        assertThat(ReplayCommand.gzip(null, java.net.URI.create("http://10.0.0.7:8000/x")))
                .isTrue();
        assertThat(ReplayCommand.gzip(true, java.net.URI.create("http://localhost:8000/x")))
                .isTrue();
        assertThat(ReplayCommand.gzip(false, java.net.URI.create("https://ingest.example.org/x")))
                .isFalse();

        ReplayCommand command = new ReplayCommand();
        new picocli.CommandLine(command).parseArgs();
        assertThat(command.gzip).isNull();
        new picocli.CommandLine(command).parseArgs("--gzip");
        assertThat(command.gzip).isTrue();
        command = new ReplayCommand();
        new picocli.CommandLine(command).parseArgs("--no-gzip");
        assertThat(command.gzip).isFalse();
    }
}
