package org.pacemaker.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as the command-line tools use it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    public ApiClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        // HTTP/1.1 keeps one plain keep-alive connection per request in flight, with no h2c upgrade
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** Logs in with the OAuth2 password form; returns the access token. */
    public String login(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/login/access-token"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ApiException(
                    response.statusCode(), "login failed: " + detail(response.statusCode(), response.body()));
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /**
     * Posts one ingest body, a JSON array of rows ({@code gzipped} when compressed), to {@code endpoint}.
     * The body is streamed with chunked transfer encoding, read anew from {@code body} on each attempt.
     *
     * @throws ApiException for any status but 200, with the server's detail and Retry-After
     */
    public IngestCounts ingest(URI endpoint, String token, Supplier<InputStream> body, boolean gzipped)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ApiException(
                    response.statusCode(),
                    "ingest refused: " + detail(response.statusCode(), response.body()),
                    retryAfter(response).orElse(null));
        }
        JsonNode counts = JSON.readTree(response.body());
        return new IngestCounts(
                counts.path("received_count").asLong(),
                counts.path("inserted_count").asLong(),
                counts.path("duplicate_count").asLong(),
                counts.path("duplicate_in_payload_count").asLong(),
                counts.path("duplicate_existing_count").asLong());
    }

    /** Retry-After as seconds or as an HTTP date; absent when missing or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration untilDate = Duration.between(
                            Instant.now(), DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from));
                    return Optional.of(untilDate.isNegative() ? Duration.ZERO : untilDate);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    /** The {@code detail} of an error body, or the status and body when it has none. */
    public static String detail(int status, String body) {
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isString()) {
                return detail.asString() + " (HTTP " + status + ")";
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        String shown = body == null ? "" : body.strip();
        return "HTTP " + status
                + (shown.isEmpty() ? "" : ": " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown));
    }
}
