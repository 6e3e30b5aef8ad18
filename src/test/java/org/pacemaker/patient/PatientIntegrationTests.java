package org.pacemaker.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import org.pacemaker.alert.AlertSettings;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PatientIntegrationTests extends ApiIntegrationTest {

    private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long DAY = 86_400L;

    @Autowired
    AlertSettings boundLimits;

    private String admin;
    private String reader;

    @BeforeEach
    void storePatients() {
        jdbc.update("TRUNCATE pacemaker_telemetry");
        admin = superuserToken();
        reader = tokenFor(createUser(false, true, "reader-password"), "reader-password");
        List<String> rows = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            long t = T0 + day * DAY;
            rows.add(row(1, t, 500, 2.95, null)); // healthy
            rows.add(row(2, t, 500, day == 9 ? 2.41 : 2.95, null)); // battery low on its latest reading
            if (day <= 5) {
                rows.add(row(3, t, 500, 2.95, null)); // silent for the last four days
            }
            rows.add(row(4, t, day == 9 ? 2300 : 500, day == 9 ? 2.5 : 2.95, day == 9 ? 180.0 : null)); // three
        }
        String body = "[" + String.join(",", rows) + "]";
        assertThat(postJson("/api/v1/telemetry/ingest", admin, body).statusCode())
                .isEqualTo(200);
    }

    private static String row(int patient, long timestamp, double impedance, double battery, Double trend) {
        return """
                {"patient_id":%d,"timestamp":%d,"lead_impedance_ohms":%s,"capture_threshold_v":0.7,\
                "r_wave_sensing_mv":12.0,"battery_voltage_v":%s,"lead_impedance_ohms_delta_per_day_7d":%s}""".formatted(patient, timestamp, impedance, battery, trend);
    }

    private static List<Integer> ids(JsonNode list) {
        List<Integer> ids = new ArrayList<>();
        list.path("patients").forEach(p -> ids.add(p.path("patient_id").asInt()));
        return ids;
    }

    @Test
    void listsEveryPatientWithAlertsFirstAndTheirLatestReading() {
        JsonNode list = json(get("/api/v1/patients", reader));

        assertThat(list.path("total").asInt()).isEqualTo(4);
        assertThat(list.path("newest_timestamp").asLong()).isEqualTo(T0 + 9 * DAY);
        assertThat(ids(list)).containsExactly(4, 2, 3, 1);
        JsonNode four = list.path("patients").get(0);
        assertThat(four.path("reading_count").asInt()).isEqualTo(10);
        assertThat(four.path("last_timestamp").asLong()).isEqualTo(T0 + 9 * DAY);
        assertThat(four.path("latest").path("lead_impedance_ohms").asDouble()).isEqualTo(2300.0);
        List<String> rules = new ArrayList<>();
        four.path("alerts").forEach(a -> rules.add(a.path("rule").asString()));
        assertThat(rules).containsExactlyInAnyOrder("lead_impedance_high", "battery_low", "lead_impedance_trend");
        JsonNode silent = list.path("patients").get(2);
        assertThat(silent.path("alerts").get(0).path("rule").asString()).isEqualTo("no_recent_data");
        assertThat(silent.path("alerts").get(0).path("reading_timestamp").asLong())
                .isEqualTo(T0 + 5 * DAY);
        assertThat(silent.path("alerts").get(0).path("value").asDouble()).isEqualTo(4.0);
        JsonNode battery = list.path("patients").get(1).path("alerts").get(0);
        assertThat(battery.path("patient_id").asInt()).isEqualTo(2);
        assertThat(battery.path("reading_timestamp").asLong()).isEqualTo(T0 + 9 * DAY);
        assertThat(battery.path("limit").asDouble()).isEqualTo(2.6);
        assertThat(list.path("limits").path("battery_min_v").asDouble()).isEqualTo(2.6);
    }

    @Test
    void filtersByAlertSortsAndPages() {
        assertThat(ids(json(get("/api/v1/patients?alert=battery_low", reader)))).containsExactly(4, 2);
        assertThat(ids(json(get("/api/v1/patients?alert=none", reader)))).containsExactly(1);
        assertThat(ids(json(get("/api/v1/patients?alert=any&sort=patient_id", reader))))
                .containsExactly(2, 3, 4);
        assertThat(ids(json(get("/api/v1/patients?sort=-patient_id", reader)))).containsExactly(4, 3, 2, 1);
        assertThat(ids(json(get("/api/v1/patients?sort=last_seen", reader)))).startsWith(3);
        JsonNode page = json(get("/api/v1/patients?sort=patient_id&limit=2&offset=1", reader));
        assertThat(ids(page)).containsExactly(2, 3);
        assertThat(page.path("total").asInt()).isEqualTo(4);
    }

    @Test
    void onePatientComesWithItsSeriesOverARangeAndTheLimits() {
        JsonNode all = json(get("/api/v1/patients/2", reader));
        JsonNode range = json(get("/api/v1/patients/2?from=2026-01-03&to=" + (T0 + 5 * DAY), reader));
        JsonNode latestThree = json(get("/api/v1/patients/2?limit=3", reader));

        assertThat(all.path("patient").path("patient_id").asInt()).isEqualTo(2);
        assertThat(all.path("patient").path("alerts").get(0).path("rule").asString())
                .isEqualTo("battery_low");
        assertThat(all.path("series").size()).isEqualTo(10);
        assertThat(all.path("series_truncated").asBoolean()).isFalse();
        assertThat(all.path("limits").path("lead_impedance_max_ohms").asDouble())
                .isEqualTo(2000.0);
        assertThat(range.path("series").size()).isEqualTo(3);
        assertThat(range.path("series").get(0).path("timestamp").asLong()).isEqualTo(T0 + 2 * DAY);
        assertThat(latestThree.path("series").size()).isEqualTo(3);
        assertThat(latestThree.path("series_truncated").asBoolean()).isTrue();
        assertThat(latestThree.path("series").get(0).path("timestamp").asLong()).isEqualTo(T0 + 7 * DAY);
        assertThat(latestThree.path("series").get(2).path("timestamp").asLong()).isEqualTo(T0 + 9 * DAY);
    }

    @Test
    void anUnknownPatientIs404AndBadParametersAre400NamingThem() {
        HttpResponse<String> unknown = get("/api/v1/patients/99", reader);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("detail").asString()).isEqualTo("Patient 99 has no readings");

        assertBadParameter("/api/v1/patients?alert=purple", "alert");
        assertBadParameter("/api/v1/patients?sort=colour", "sort");
        assertBadParameter("/api/v1/patients?limit=0", "limit");
        assertBadParameter("/api/v1/patients?offset=-1", "offset");
        assertBadParameter("/api/v1/patients/abc", "id");
        assertBadParameter("/api/v1/patients/2?from=later", "from");
        assertBadParameter("/api/v1/patients/2?limit=99999", "limit");
    }

    private void assertBadParameter(String path, String parameter) {
        HttpResponse<String> response = get(path, reader);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(json(response).path("parameter").asString()).as(path).isEqualTo(parameter);
    }

    @Test
    void theLimitsAreShownAndTheDefaultsOfTheCommandsAreTheServiceDefaults() {
        JsonNode limits = json(get("/api/v1/alerts/limits", reader));

        assertThat(boundLimits).isEqualTo(AlertSettings.DEFAULTS);
        assertThat(limits.path("limits").path("silent_days").asInt()).isEqualTo(3);
        assertThat(limits.path("limits").path("r_wave_min_mv").asDouble()).isEqualTo(5.0);
        assertThat(limits.path("rules").size()).isEqualTo(8);
        assertThat(get("/api/v1/alerts/limits", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/patients", null).statusCode()).isEqualTo(401);
    }
}
