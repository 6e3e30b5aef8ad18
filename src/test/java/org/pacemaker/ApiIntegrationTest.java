package org.pacemaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that talk HTTP to the whole service, backed by a real (embedded) PostgreSQL.
 * Every subclass shares one service and one database, so tests use their own patients and users.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pacemaker.data-dir=target/test-data/${random.uuid}",
            // every test logs in from 127.0.0.1; the per-address limit has unit tests of its own
            "pacemaker.login-throttle.max-failures-per-address=1000"
        })
public abstract class ApiIntegrationTest {

    protected static final String SUPERUSER = "admin@example.com";
    protected static final String SUPERUSER_PASSWORD = "changethis";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> login(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(url("/api/v1/login/access-token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    protected String tokenFor(String username, String password) {
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return json(response).path("access_token").asString();
    }

    protected String superuserToken() {
        return tokenFor(SUPERUSER, SUPERUSER_PASSWORD);
    }

    /** Creates a user through the API as the superuser; returns its email. */
    protected String createUser(boolean superuser, boolean active, String password) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String body = JSON.writeValueAsString(
                java.util.Map.of("email", email, "password", password, "is_superuser", superuser, "is_active", active));
        HttpResponse<String> response = postJson("/api/v1/users/", superuserToken(), body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("user creation failed: " + response.body());
        }
        return email;
    }

    protected HttpResponse<String> postJson(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
