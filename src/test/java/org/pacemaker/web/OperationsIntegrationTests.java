package org.pacemaker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacemaker.ApiIntegrationTest;
import org.pacemaker.schema.TelemetryField;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests extends ApiIntegrationTest {

    @Test
    void healthCheckAnswersTrueWithoutAToken() {
        HttpResponse<String> response = get("/api/v1/utils/health-check/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("true");
        assertThat(json(get("/actuator/health", null)).path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheIngestEndpointAndSwaggerUiIsServed() {
        HttpResponse<String> api = get("/v3/api-docs", null);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(json(api).path("paths").has("/api/v1/telemetry/ingest")).isTrue();
        assertThat(json(api)
                        .path("components")
                        .path("schemas")
                        .path("TelemetryReading")
                        .path("properties")
                        .propertyNames())
                .containsExactlyInAnyOrderElementsOf(TelemetryField.all().stream()
                        .map(TelemetryField::jsonName)
                        .toList());
        assertThat(get("/docs", null).statusCode()).isIn(200, 302);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsAreLoggedWithStatusAndDurationButNoSecrets(CapturedOutput output) {
        String token = tokenFor(SUPERUSER, SUPERUSER_PASSWORD);
        get("/api/v1/users/me", token);

        assertThat(output.getOut()).containsPattern("POST /api/v1/login/access-token 200 \\d+ms");
        assertThat(output.getOut()).containsPattern("GET /api/v1/users/me 200 \\d+ms");
        assertThat(output.getAll()).doesNotContain(SUPERUSER_PASSWORD).doesNotContain(token);
    }

    @Test
    void unknownPathsAnswerProblemJsonNotAStackTrace() {
        HttpResponse<String> response = get("/api/v1/nothing-here", superuserToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception").contains("\"status\":404");
    }
}
