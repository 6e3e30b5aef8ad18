package org.pacemaker.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
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
