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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The service's HTTP API as the command-line tools use it. */
public final class ApiClient {

    // the streaming parser alone: the answers are flat objects, and the object mapper brought about
    // 550 of the replay client's 4,000 classes (docs/benchmarks.md)
    private static final JsonFactory JSON = new JsonFactory();

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
        return topLevelValues(response.body()).getOrDefault("access_token", "");
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
        Map<String, String> counts = topLevelValues(response.body());
        return new IngestCounts(
                count(counts, "received_count"),
                count(counts, "inserted_count"),
                count(counts, "duplicate_count"),
                count(counts, "duplicate_in_payload_count"),
                count(counts, "duplicate_existing_count"));
    }

    private static long count(Map<String, String> counts, String name) {
        try {
            return Long.parseLong(counts.getOrDefault(name, "0"));
        } catch (NumberFormatException notAWholeNumber) {
            throw new IllegalStateException("the ingest answer's " + name + " is not a count: " + counts.get(name));
        }
    }

    /**
     * The strings and numbers at the top level of a JSON object, as text; nested values are left out.
     *
     * @throws JacksonException when {@code json} is not JSON
     */
    static Map<String, String> topLevelValues(String json) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING || value.isNumeric()) {
                    values.put(name, parser.getString());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return values;
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
            String detail = body == null ? null : topLevelValues(body).get("detail");
            if (detail != null) {
                return detail + " (HTTP " + status + ")";
            }
        } catch (JacksonException notJson) {
            // fall through to the raw body
        }
        String shown = body == null ? "" : body.strip();
        return "HTTP " + status
                + (shown.isEmpty() ? "" : ": " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown));
    }
}
