package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacemaker.telemetry.TelemetryRows.array;
import static org.pacemaker.telemetry.TelemetryRows.row;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.ApiIntegrationTest;
import org.pacemaker.cli.CliRun;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.databind.JsonNode;

class TelemetryReadIntegrationTests extends ApiIntegrationTest {

    private static final String INGEST = "/api/v1/telemetry/ingest";
    private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long DAY = 86_400L;

    @TempDir
    Path dir;

    private String admin;
    private String reader;

    @BeforeEach
    void emptyTable() {
        jdbc.update("TRUNCATE pacemaker_telemetry");
        admin = superuserToken();
        reader = tokenFor(createUser(false, true, "reader-password"), "reader-password");
    }

    /** Patients 1..3, days 0..4: fifteen rows. */
    private void storeGrid() {
        List<String> rows = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (int patient = 3; patient >= 1; patient--) {
                rows.add(row(patient, T0 + day * DAY));
            }
        }
        assertThat(postJson(INGEST, admin, array(rows.toArray(String[]::new))).statusCode())
                .isEqualTo(200);
    }

    private List<String> keys(JsonNode items) {
        List<String> keys = new ArrayList<>();
        items.forEach(item -> keys.add(
                item.path("timestamp").asLong() + "/" + item.path("patient_id").asInt()));
        return keys;
    }

    @Test
    void anActiveUserPagesThroughAllRowsInTimeOrderWithoutRepeatsWhileIngestGoesOn() {
        storeGrid();
        List<String> seen = new ArrayList<>();

        JsonNode first = json(get("/api/v1/telemetry?limit=4", reader));
        seen.addAll(keys(first.path("items")));
        // rows arriving meanwhile: one before the cursor (not shown any more), one after it (shown later)
        postJson(INGEST, admin, array(row(0, T0), row(9, T0 + 4 * DAY)));
        String cursor = first.path("next_cursor").asString();
        while (cursor != null && !cursor.isEmpty()) {
            JsonNode page = json(get("/api/v1/telemetry?limit=4&cursor=" + cursor, reader));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(4);
            seen.addAll(keys(page.path("items")));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
        }

        List<String> expected = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (int patient = 1; patient <= 3; patient++) {
                expected.add((T0 + day * DAY) + "/" + patient);
            }
        }
        expected.add((T0 + 4 * DAY) + "/9");
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void rowsReadBackWithEveryFieldAsSent() {
        String sent = """
                [{"patient_id":12,"timestamp":1754352000,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,
                  "r_wave_sensing_mv":13.15,"battery_voltage_v":2.97,"target_fail_next_7d":1,
                  "lead_impedance_ohms_rolling_mean_3d":514.9,"capture_threshold_v_delta_per_day_7d":-0.0143}]""";
        postJson(INGEST, admin, sent);

        JsonNode page = json(get("/api/v1/telemetry", reader));

        assertThat(page.path("next_cursor").isNull()).isTrue();
        JsonNode item = page.path("items").get(0);
        List<String> names = new ArrayList<>();
        item.propertyNames().forEach(names::add);
        assertThat(names)
                .containsExactlyElementsOf(TelemetryField.all().stream()
                        .map(TelemetryField::jsonName)
                        .toList());
        assertThat(item.path("patient_id").asInt()).isEqualTo(12);
        assertThat(item.path("timestamp").asLong()).isEqualTo(1754352000L);
        assertThat(item.path("lead_impedance_ohms").asDouble()).isEqualTo(514.9);
        assertThat(item.path("target_fail_next_7d").asInt()).isEqualTo(1);
        assertThat(item.path("capture_threshold_v_delta_per_day_7d").asDouble()).isEqualTo(-0.0143);
        assertThat(item.path("lead_impedance_ohms_rolling_mean_7d").isNull()).isTrue();
    }

    @Test
    void filtersByPatientAndATimeRangeGivenAsUnixSecondsOrIso() {
        storeGrid();

        JsonNode unix =
                json(get("/api/v1/telemetry?patient_id=2&from=" + (T0 + DAY) + "&to=" + (T0 + 3 * DAY), reader));
        JsonNode iso = json(get("/api/v1/telemetry?patient_id=2&from=2026-01-02&to=2026-01-04T00:00:00Z", reader));
        JsonNode allPatients = json(get("/api/v1/telemetry?from=2026-01-05T00:00:00%2B00:00", reader));

        assertThat(keys(unix.path("items"))).containsExactly((T0 + DAY) + "/2", (T0 + 2 * DAY) + "/2");
        assertThat(keys(iso.path("items"))).isEqualTo(keys(unix.path("items")));
        assertThat(keys(allPatients.path("items")))
                .containsExactly((T0 + 4 * DAY) + "/1", (T0 + 4 * DAY) + "/2", (T0 + 4 * DAY) + "/3");
    }

    @Test
    void anOffsetWhosePlusArrivedAsASpaceStillParses() {
        storeGrid();

        JsonNode page = json(get("/api/v1/telemetry?patient_id=1&from=2026-01-05T01:00:00+01:00", reader));

        assertThat(keys(page.path("items"))).containsExactly((T0 + 4 * DAY) + "/1");
    }

    @Test
    void aCursorKeepsItsPlaceWhenThePatientFilterIsAddedLater() {
        storeGrid();
        JsonNode first = json(get("/api/v1/telemetry?limit=1", reader)); // ends at day 0, patient 1

        JsonNode rest = json(get(
                "/api/v1/telemetry?patient_id=2&cursor="
                        + first.path("next_cursor").asString(),
                reader));

        assertThat(keys(rest.path("items"))).first().isEqualTo(T0 + "/2");
        assertThat(rest.path("items").size()).isEqualTo(5);
    }

    @Test
    void theOpenApiDocumentDescribesTheRowsWithTheIngestSchema() {
        JsonNode doc = json(get("/v3/api-docs", null));

        assertThat(doc.path("paths").has("/api/v1/telemetry")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/telemetry/export")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/patients/{id}")).isTrue();
        JsonNode items = doc.path("components")
                .path("schemas")
                .path("TelemetryPage")
                .path("properties")
                .path("items");
        assertThat(items.path("items").path("$ref").asString()).isEqualTo("#/components/schemas/TelemetryReading");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        assertBadParameter("/api/v1/telemetry?limit=0", "limit");
        assertBadParameter("/api/v1/telemetry?limit=100000", "limit");
        assertBadParameter("/api/v1/telemetry?limit=ten", "limit");
        assertBadParameter("/api/v1/telemetry?patient_id=x", "patient_id");
        assertBadParameter("/api/v1/telemetry?patient_id=-1", "patient_id");
        assertBadParameter("/api/v1/telemetry?from=yesterday", "from");
        assertBadParameter("/api/v1/telemetry?to=2026-13-01", "to");
        assertBadParameter("/api/v1/telemetry?from=2026-02-01&to=2026-01-01", "to");
        assertBadParameter("/api/v1/telemetry?cursor=bm90LWEtY3Vyc29y", "cursor");
        assertBadParameter("/api/v1/telemetry?cursor=%25%25", "cursor");
        assertBadParameter("/api/v1/telemetry/export?format=xml", "format");
        assertBadParameter("/api/v1/telemetry/export?from=soon", "from");
        assertBadParameter("/api/v1/telemetry/stats?days=0", "days");
    }

    private void assertBadParameter(String path, String parameter) {
        HttpResponse<String> response = get(path, reader);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.path("detail").asString()).as(path).startsWith(parameter + ": ");
    }

    @Test
    void readsNeedATokenOfAnActiveUserAndWritesStaySuperuserOnly() {
        String inactiveEmail = createUser(false, true, "soon-inactive");
        String inactive = tokenFor(inactiveEmail, "soon-inactive");
        jdbc.update("UPDATE app_user SET is_active = false WHERE email = ?", inactiveEmail);

        assertThat(get("/api/v1/telemetry", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/telemetry/stats", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/telemetry/export", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/telemetry", inactive).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/telemetry", reader).statusCode()).isEqualTo(200);
        assertThat(postJson(INGEST, reader, array(row(1, T0))).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/telemetry", reader, "[]").statusCode()).isEqualTo(403);
    }

    @Test
    void theCsvExportOfAGeneratedAndReplayedFileIsThatFileByteForByte() throws IOException {
        Path csv = dir.resolve("generated.csv");
        run(
                "generate",
                "--output",
                csv.toString(),
                "--patients",
                "12",
                "--days",
                "120",
                "--seed",
                "8",
                "--failure-rate",
                "0.5",
                "--end-time",
                "2026-01-01");
        run(
                "replay",
                "--csv-path",
                csv.toString(),
                "--endpoint-url",
                url(INGEST).toString(),
                "--token",
                admin,
                "--interval-ms",
                "0");

        HttpResponse<String> export = get("/api/v1/telemetry/export?format=csv", reader);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("pacemaker_telemetry.csv"));
        assertThat(export.body()).isEqualTo(Files.readString(csv, StandardCharsets.US_ASCII));
    }

    @Test
    void theNdjsonExportHasOneRowPerLineAndHonoursTheFilter() {
        storeGrid();

        HttpResponse<String> export = get("/api/v1/telemetry/export?format=ndjson&from=2026-01-04", reader);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(export.body()).endsWith("\n");
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.path("patient_id").asInt()).isEqualTo(1);
        assertThat(first.path("timestamp").asLong()).isEqualTo(T0 + 3 * DAY);
        assertThat(first.path("r_wave_sensing_mv").asDouble()).isEqualTo(13.15);
    }

    @Test
    void anExportLargerThanTheFetchSizeStreamsEveryRowInOrder() {
        // set-based, as a real table: 30 patients x 400 days, five times the default fetch size
        jdbc.update("""
                INSERT INTO pacemaker_telemetry (patient_id, "timestamp", lead_impedance_ohms, capture_threshold_v,
                                                 r_wave_sensing_mv, battery_voltage_v)
                SELECT p, to_timestamp(? + d * 86400), 500 + p, 0.7, 12, 2.95
                FROM generate_series(0, 29) p, generate_series(0, 399) d""", T0);

        String body = get("/api/v1/telemetry/export", reader).body();

        String[] lines = body.split("\n");
        assertThat(lines).hasSize(1 + 30 * 400);
        assertThat(lines[0]).isEqualTo(TelemetryField.csvHeader());
        assertThat(lines[1]).isEqualTo(T0 == 0 ? "" : "0," + T0 + ",500.0,0.7,12.0,2.95,,,,,,,,,");
        assertThat(lines[lines.length - 1]).startsWith("29," + (T0 + 399 * DAY) + ",529.0,");
    }

    @Test
    void statsCountRowsPatientsDaysAndTheLiveIngest() {
        storeGrid();

        JsonNode stats = json(get("/api/v1/telemetry/stats?days=3", reader));

        assertThat(stats.path("rows").asLong()).isEqualTo(15);
        assertThat(stats.path("patients").asLong()).isEqualTo(3);
        assertThat(stats.path("first_timestamp").asLong()).isEqualTo(T0);
        assertThat(stats.path("last_timestamp").asLong()).isEqualTo(T0 + 4 * DAY);
        assertThat(stats.path("rows_per_day").size()).isEqualTo(3);
        assertThat(stats.path("rows_per_day").get(0).path("day").asString()).isEqualTo("2026-01-03");
        assertThat(stats.path("rows_per_day").get(2).path("rows").asLong()).isEqualTo(3);
        assertThat(stats.path("recent_window_seconds").asInt()).isEqualTo(60);
        assertThat(stats.path("recent_rows").asLong()).isEqualTo(15);
        assertThat(stats.path("last_inserted_at").asString()).isNotEmpty();
        assertThat(stats.path("last_request").path("received_count").asInt()).isEqualTo(15);
        assertThat(stats.path("last_request").path("inserted_count").asInt()).isEqualTo(15);
    }

    @Test
    void statsOfAnEmptyTableAreZeroAndNull() {
        JsonNode stats = json(get("/api/v1/telemetry/stats", reader));

        assertThat(stats.path("rows").asLong()).isZero();
        assertThat(stats.path("patients").asLong()).isZero();
        assertThat(stats.path("first_timestamp").isNull()).isTrue();
        assertThat(stats.path("rows_per_day").size()).isZero();
    }

    private static void run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
