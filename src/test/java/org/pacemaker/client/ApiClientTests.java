package org.pacemaker.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ApiClientTests {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anErrorCarriesTheDetailAndRetryAfterInSeconds() throws IOException {
        ApiException e = failureFor(503, "7", "{\"detail\":\"Database unavailable\"}");

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("ingest refused: Database unavailable (HTTP 503)");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterMayBeAnHttpDateInThePast() throws IOException {
        ApiException e = failureFor(429, "Wed, 21 Oct 2015 07:28:00 GMT", "");

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() throws IOException {
        assertThat(failureFor(503, "soon", "").retryAfter()).isEmpty();
    }

    @Test
    void aDetailThatIsNotAStringShowsTheRawBody() {
        String validation = "{\"detail\":[{\"loc\":[\"body\",0],\"msg\":\"missing\"}]}";

        assertThat(ApiClient.detail(422, validation)).isEqualTo("HTTP 422: " + validation);
        assertThat(ApiClient.detail(502, "<html>Bad Gateway</html>")).isEqualTo("HTTP 502: <html>Bad Gateway</html>");
        assertThat(ApiClient.detail(500, "")).isEqualTo("HTTP 500");
    }

    @Test
    void topLevelValuesKeepStringsAndNumbersAndSkipNestedOnes() {
        String json = "{\"inserted_count\":12,\"nested\":{\"inserted_count\":99,\"list\":[1,2]},"
                + "\"token_type\":\"bearer\",\"ok\":true,\"ratio\":0.5}";

        assertThat(ApiClient.topLevelValues(json))
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("inserted_count", "12", "token_type", "bearer", "ratio", "0.5"));
    }

    private ApiException failureFor(int status, String retryAfter, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/telemetry/ingest");
        ApiClient api = new ApiClient(url.resolve("/"), Duration.ofSeconds(5));
        Executable ingest = () -> api.ingest(url, "t", () -> new java.io.ByteArrayInputStream("[]".getBytes()), false);
        return org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, ingest);
    }
}
