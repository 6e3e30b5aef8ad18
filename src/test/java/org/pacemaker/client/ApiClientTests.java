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
        server.stop(0);
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
