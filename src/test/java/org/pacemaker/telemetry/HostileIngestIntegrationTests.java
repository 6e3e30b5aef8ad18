package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pacemaker.ApiIntegrationTest;

/**
 * Every hostile or malformed body gets a 4xx with a readable detail, never a 5xx, and stores
 * nothing. Most cases are kept as text in {@code hostile/ingest-bodies.txt}; those too large or too
 * binary to keep as text are made here.
 */
class HostileIngestIntegrationTests extends ApiIntegrationTest {

    private static final String INGEST = "/api/v1/telemetry/ingest";
    private static final String ROW = TelemetryRows.row(1, 1_700_000_000L);

    record Case(String name, int status, byte[] body, String contentType, String contentEncoding) {
        @Override
        public String toString() {
            return status + " " + name;
        }
    }

    private String token;

    @BeforeEach
    void emptyTable() {
        jdbc.update("TRUNCATE pacemaker_telemetry");
        token = superuserToken();
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>(keptCases());
        cases.addAll(madeCases());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithA4xxAndADetailAndStoresNothing(Case hostile) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(INGEST))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        if (hostile.contentEncoding() != null) {
            request.header("Content-Encoding", hostile.contentEncoding());
        }

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
        assertThat(json(response).path("detail").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class))
                .isZero();
    }

    private static List<Case> keptCases() throws IOException {
        String text;
        try (InputStream in = HostileIngestIntegrationTests.class.getResourceAsStream("/hostile/ingest-bodies.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("(?m)^### ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            int lineEnd = block.indexOf('\n');
            String title = block.substring(0, lineEnd);
            String body = block.substring(lineEnd + 1);
            body = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
            int space = title.indexOf(' ');
            cases.add(new Case(
                    title.substring(space + 1),
                    Integer.parseInt(title.substring(0, space)),
                    body.getBytes(StandardCharsets.UTF_8),
                    "application/json",
                    null));
        }
        return cases;
    }

    private static List<Case> madeCases() {
        byte[] row = ("[" + ROW + "]").getBytes(StandardCharsets.UTF_8);
        byte[] spaces = new byte[64 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        spaces[0] = '[';
        byte[] badUtf8 = ("[{\"note\":\"\u00e9\"," + ROW.substring(1) + "]").getBytes(StandardCharsets.ISO_8859_1);
        return List.of(
                new Case(
                        "2001 rows",
                        422,
                        bytes("[" + String.join(",", Collections.nCopies(2001, ROW)) + "]"),
                        json(),
                        null),
                new Case("body over the size limit", 413, bytes("[" + "9".repeat(9 * 1024 * 1024) + "]"), json(), null),
                new Case("gzip bomb", 413, gzip(spaces), json(), "gzip"),
                new Case("gzip header on a plain body", 422, row, json(), "gzip"),
                new Case("unsupported content encoding", 415, row, json(), "br"),
                new Case("text/plain content type", 415, row, "text/plain", null),
                new Case("form content type", 415, row, "application/x-www-form-urlencoded", null),
                new Case("no content type", 415, row, null, null),
                new Case("invalid UTF-8 bytes", 422, badUtf8, json(), null));
    }

    private static String json() {
        return "application/json";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
