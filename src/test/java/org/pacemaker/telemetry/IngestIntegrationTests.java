package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacemaker.telemetry.TelemetryRows.array;
import static org.pacemaker.telemetry.TelemetryRows.row;
import static org.pacemaker.telemetry.TelemetryRows.rowWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

class IngestIntegrationTests extends ApiIntegrationTest {

    private static final String INGEST = "/api/v1/telemetry/ingest";

    private String token;

    @BeforeEach
    void emptyTable() {
        jdbc.update("TRUNCATE pacemaker_telemetry");
        token = superuserToken();
    }

    private HttpResponse<String> ingest(String body) {
        return postJson(INGEST, token, body);
    }

    private long stored() {
        return jdbc.queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
    }

    private static Map<String, Integer> counts(HttpResponse<String> response) {
        JsonNode body = json(response);
        return Map.of(
                "received", body.path("received_count").asInt(),
                "inserted", body.path("inserted_count").asInt(),
                "duplicate", body.path("duplicate_count").asInt(),
                "in_payload", body.path("duplicate_in_payload_count").asInt(),
                "existing", body.path("duplicate_existing_count").asInt());
    }

    @Test
    void countsDuplicatesInThePayloadAndAgainstStoredRowsAsTheSeedDescribes() {
        assertThat(ingest(array(row(1, 1_700_000_000L))).statusCode()).isEqualTo(200);

        HttpResponse<String> response =
                ingest(array(row(1, 1_700_000_000L), row(2, 1_700_000_000L), row(2, 1_700_000_000L)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(counts(response))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("received", 3, "inserted", 1, "duplicate", 2, "in_payload", 1, "existing", 1));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void storesEveryFieldAsSent() {
        String row = """
                [{"patient_id":12,"timestamp":1754352000,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,
                  "r_wave_sensing_mv":13.15,"battery_voltage_v":2.97,"target_fail_next_7d":1,
                  "lead_impedance_ohms_rolling_mean_3d":514.9,"capture_threshold_v_delta_per_day_7d":-0.0143,
                  "unknown_extra":"ignored"}]""";

        assertThat(ingest(row).statusCode()).isEqualTo(200);

        Map<String, Object> stored = jdbc.queryForMap("""
                SELECT patient_id, extract(epoch FROM "timestamp")::bigint AS ts, lead_impedance_ohms,
                       capture_threshold_v, r_wave_sensing_mv, battery_voltage_v, target_fail_next_7d,
                       lead_impedance_ohms_rolling_mean_3d, lead_impedance_ohms_rolling_mean_7d,
                       capture_threshold_v_delta_per_day_7d, id, created_at
                FROM pacemaker_telemetry""");
        assertThat(stored)
                .containsEntry("patient_id", 12)
                .containsEntry("ts", 1754352000L)
                .containsEntry("lead_impedance_ohms", 514.9)
                .containsEntry("capture_threshold_v", 0.6)
                .containsEntry("r_wave_sensing_mv", 13.15)
                .containsEntry("battery_voltage_v", 2.97)
                .containsEntry("target_fail_next_7d", 1)
                .containsEntry("lead_impedance_ohms_rolling_mean_3d", 514.9)
                .containsEntry("lead_impedance_ohms_rolling_mean_7d", null)
                .containsEntry("capture_threshold_v_delta_per_day_7d", -0.0143);
        assertThat(stored.get("id")).isNotNull();
        assertThat(stored.get("created_at")).isNotNull();
    }

    @Test
    void refusesABatchWithOneBadRowAndStoresNoneOfIt() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1999; i++) {
            rows.add(row(i, 1_700_000_000L));
        }
        rows.add(rowWith("timestamp", "\"2024-01-01T00:00:00Z\""));

        HttpResponse<String> response = ingest(array(rows.toArray(String[]::new)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.path("detail").asString()).contains("row 1999, timestamp: must be whole Unix seconds");
        assertThat(body.path("errors").get(0).path("row").asInt()).isEqualTo(1999);
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("timestamp");
        assertThat(stored()).isZero();
    }

    @Test
    void refusesEmptyAndOversizedArraysWith422() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            rows.add(row(i, 1_700_000_000L));
        }

        assertThat(ingest("[]").statusCode()).isEqualTo(422);
        HttpResponse<String> tooMany = ingest(array(rows.toArray(String[]::new)));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(json(tooMany).path("detail").asString()).contains("more than 2000 rows");
        assertThat(stored()).isZero();
    }

    @Test
    void refusesMalformedJsonAndAnObjectWith422() {
        assertThat(ingest("[{\"patient_id\":").statusCode()).isEqualTo(422);
        assertThat(ingest(row(1, 1)).statusCode()).isEqualTo(422);
        assertThat(json(ingest(row(1, 1))).path("detail").asString()).contains("must be a JSON array");
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        String huge = "[" + rowWith("padding", "\"" + "x".repeat(60_000) + "\"") + ","
                + String.join(
                        ",", java.util.Collections.nCopies(200, rowWith("padding", "\"" + "y".repeat(50_000) + "\"")))
                + "]";

        HttpResponse<String> declared = ingest(huge);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(url(INGEST))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).path("detail").asString()).contains("larger than");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(stored()).isZero();
    }

    @Test
    void acceptsGzipBodiesAndStopsAGzipBombAtTheLimit() throws IOException {
        HttpResponse<String> gzipped = sendGzip(array(row(5, 100), row(5, 200)).getBytes(StandardCharsets.UTF_8));
        byte[] bomb = new byte[64 * 1024 * 1024];
        java.util.Arrays.fill(bomb, (byte) ' ');
        bomb[0] = '[';

        HttpResponse<String> exploded = sendGzip(bomb);

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(counts(gzipped)).containsEntry("inserted", 2);
        assertThat(exploded.statusCode()).isEqualTo(413);
        assertThat(stored()).isEqualTo(2);
    }

    private HttpResponse<String> sendGzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        }
        return send(HttpRequest.newBuilder(url(INGEST))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())));
    }

    @Test
    void refusesOtherContentTypesWith415() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(INGEST))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("Patient_ID\n1")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("detail").asString()).contains("text/csv");
    }

    @Test
    void concurrentOverlappingRequestsStoreEachPairOnceAndInsertedCountsAddUp() throws Exception {
        int threads = 6;
        int requestsPerThread = 5;
        int patients = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> inserted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                inserted.add(pool.submit(() -> {
                    int sum = 0;
                    for (int r = 0; r < requestsPerThread; r++) {
                        // Every thread posts the same days in a shifted order, half of them with the
                        // patients reversed, so requests overlap in flight in opposite key orders.
                        long day = 1_700_000_000L + 86_400L * ((r + thread) % requestsPerThread);
                        String[] rows = new String[patients];
                        for (int p = 0; p < patients; p++) {
                            int patient = (p + thread * 37) % patients;
                            rows[p] = row(thread % 2 == 0 ? patient : patients - 1 - patient, day);
                        }
                        HttpResponse<String> response = ingest(array(rows));
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        sum += counts(response).get("inserted");
                    }
                    return sum;
                }));
            }
            int total = 0;
            for (Future<Integer> future : inserted) {
                total += future.get();
            }

            long distinct = (long) patients * requestsPerThread;
            assertThat(stored()).isEqualTo(distinct);
            assertThat(total).isEqualTo((int) distinct);
        } finally {
            // a failed request must not leave the other threads writing into the next test
            pool.shutdownNow();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void requestsWithTheSameRowsInOppositeOrdersAtOnceDoNotDeadlock() throws Exception {
        int threads = 4;
        int rounds = 5;
        int patients = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                long day = 1_710_000_000L + 86_400L * round;
                String ascending = array(java.util.stream.IntStream.range(0, patients)
                        .mapToObj(p -> row(p, day))
                        .toArray(String[]::new));
                String descending = array(java.util.stream.IntStream.range(0, patients)
                        .mapToObj(p -> row(patients - 1 - p, day))
                        .toArray(String[]::new));
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String body = t % 2 == 0 ? ascending : descending;
                    responses.add(pool.submit(() -> {
                        start.await();
                        return ingest(body);
                    }));
                }
                int inserted = 0;
                for (Future<HttpResponse<String>> response : responses) {
                    assertThat(response.get().statusCode())
                            .as(response.get().body())
                            .isEqualTo(200);
                    inserted += counts(response.get()).get("inserted");
                }
                assertThat(inserted).isEqualTo(patients);
            }
            assertThat(stored()).isEqualTo((long) patients * rounds);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }
}
