package org.pacemaker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What the service serves for the dashboard at {@code /}, checked without a browser: the page and its
 * assets come from the jar, load nothing from elsewhere, and every API field the script reads exists.
 */
class DashboardIntegrationTests extends ApiIntegrationTest {

    private static final Pattern LOCAL_ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");
    private static final Pattern ANY_URL = Pattern.compile("(?:https?:)?//[a-zA-Z0-9.-]+\\.[a-z]{2,}[^\\s\"')]*");
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private String script;

    @BeforeEach
    void loadScript() {
        script = get("/assets/dashboard.js", null).body();
    }

    @Test
    void thePageAndItsAssetsAreServedWithoutATokenFromTheJar() {
        HttpResponse<String> page = get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"login-form\"", "id=\"stat-rows\"", "id=\"patient-rows\"");
        List<String> assets = new ArrayList<>();
        Matcher matcher = LOCAL_ASSET.matcher(page.body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).contains("/assets/dashboard.js", "/assets/dashboard.css", "/assets/favicon.svg");
        for (String asset : assets) {
            HttpResponse<String> response = get(asset, null);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
        }
        assertThat(get("/assets/dashboard.js", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(getClass().getResource("/static/assets/dashboard.js")).isNotNull();
    }

    @Test
    void nothingIsLoadedFromElsewhereAndTheBrowserIsToldSo() {
        for (String path : List.of("/", "/assets/dashboard.js", "/assets/dashboard.css", "/assets/favicon.svg")) {
            String body = get(path, null).body();
            Matcher urls = ANY_URL.matcher(body);
            while (urls.find()) {
                assertThat(urls.group()).as(path).isIn(SVG_NAMESPACE, "//www.w3.org/2000/svg");
            }
        }
        HttpResponse<String> page = get("/", null);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self'"));
    }

    @Test
    void theDataStaysBehindTheTokenAndEveryFieldTheScriptReadsIsInTheApi() {
        String admin = superuserToken();
        jdbc.update("TRUNCATE pacemaker_telemetry");
        postJson("/api/v1/telemetry/ingest", admin, """
                [{"patient_id":5,"timestamp":1767225600,"lead_impedance_ohms":514.9,"capture_threshold_v":0.6,
                  "r_wave_sensing_mv":13.15,"battery_voltage_v":2.41}]""");
        assertThat(get("/api/v1/telemetry/stats", null).statusCode()).isEqualTo(401);

        JsonNode stats = json(get("/api/v1/telemetry/stats?days=60", admin));
        JsonNode patients = json(get("/api/v1/patients?limit=500", admin));
        JsonNode patient = json(get("/api/v1/patients/5?limit=10000", admin));
        JsonNode limits = json(get("/api/v1/alerts/limits", admin));
        JsonNode me = json(get("/api/v1/users/me", admin));

        assertReads(
                stats,
                "rows",
                "patients",
                "rows_per_second",
                "first_timestamp",
                "last_timestamp",
                "last_request",
                "rows_per_day");
        assertReads(stats.path("last_request"), "received_count", "inserted_count", "duplicate_count", "at");
        assertReads(stats.path("rows_per_day").get(0), "day", "rows");
        assertReads(patients, "patients", "total", "limits");
        JsonNode row = patients.path("patients").get(0);
        assertReads(row, "patient_id", "alerts", "last_timestamp", "reading_count", "latest");
        assertReads(row.path("alerts").get(0), "rule", "message", "reading_timestamp");
        assertReads(patient, "patient", "series", "limits");
        assertReads(patient.path("series").get(0), "timestamp", "lead_impedance_ohms", "capture_threshold_v");
        assertReads(limits, "rules");
        assertReads(limits.path("rules").get(0), "id");
        assertReads(me, "email");
        assertReads(
                limits.path("limits"),
                "lead_impedance_min_ohms",
                "lead_impedance_max_ohms",
                "capture_threshold_max_v",
                "r_wave_min_mv",
                "battery_min_v");
        assertReads(row.path("latest"), "r_wave_sensing_mv", "battery_voltage_v");
        assertThat(script)
                .contains(
                        "'/api/v1/telemetry/stats",
                        "'/api/v1/patients?",
                        "`/api/v1/patients/${id}",
                        "'/api/v1/alerts/limits'",
                        "'/api/v1/users/me'",
                        "'/api/v1/login/access-token'");
    }

    /** The script reads each field (as .name, 'name' or { name }) and the API answer has it. */
    private void assertReads(JsonNode answer, String... fields) {
        for (String field : fields) {
            assertThat(answer.has(field))
                    .as("API has " + field + " in " + answer)
                    .isTrue();
            assertThat(script.contains("." + field)
                            || script.contains("'" + field + "'")
                            || script.contains("{ " + field + " }"))
                    .as("script reads " + field)
                    .isTrue();
        }
    }
}
