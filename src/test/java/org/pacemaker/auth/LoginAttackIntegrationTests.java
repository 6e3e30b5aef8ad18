package org.pacemaker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacemaker.ApiIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Hostile login forms: injection strings, overlong and odd values are refused as wrong credentials
 * (never a 5xx, never a login), and no password hash reaches a response or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginAttackIntegrationTests extends ApiIntegrationTest {

    private static final String LONG = "x".repeat(10_000);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "' OR '1'='1",
                "admin@example.com' --",
                "admin@example.com'; DROP TABLE app_user; --",
                "\" OR \"\"=\"",
                "admin@example.com\u0000",
                "%",
                "_%@example.com",
                "ADMIN@EXAMPLE.COM' OR 1=1 LIMIT 1 --"
            })
    void injectionStringsAsUsernameOrPasswordLogNobodyIn(String attack) {
        long users = countUsers();

        assertIncorrectCredentials(login(attack, SUPERUSER_PASSWORD));
        assertIncorrectCredentials(login(attack, attack));
        assertIncorrectCredentials(login("reader-" + attack.hashCode() + "@example.com", attack));

        assertThat(countUsers()).isEqualTo(users);
    }

    @Test
    void overlongValuesAreWrongCredentialsNotServerErrors() {
        assertIncorrectCredentials(login(LONG + "@example.com", "whatever"));
        assertIncorrectCredentials(login("nobody@example.com", LONG));
        // bcrypt reads at most 72 bytes; a longer password must not match by its first 72
        String email = createUser(false, true, "p".repeat(72));
        assertIncorrectCredentials(login(email, "p".repeat(73)));
        assertIncorrectCredentials(login(SUPERUSER, SUPERUSER_PASSWORD + LONG));
    }

    @Test
    void emptyAndMissingFieldsAreClientErrors() {
        assertIncorrectCredentials(login("", ""));
        assertIncorrectCredentials(login(SUPERUSER, ""));
        for (String form : List.of("username=" + SUPERUSER, "password=x", "", "username&password")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/login/access-token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(response.statusCode()).as(form).isBetween(400, 499);
            assertThat(json(response).path("detail").asString()).as(form).isNotBlank();
        }
    }

    @Test
    void noPasswordHashReachesAResponseOrTheLog(CapturedOutput output) {
        String password = "a-long-enough-password";
        String email = createUser(false, true, password);
        String token = tokenFor(email, password);
        String superuser = superuserToken();

        List<HttpResponse<String>> responses = List.of(
                get("/api/v1/users/me", token),
                get("/api/v1/users/me", superuser),
                postJson("/api/v1/login/test-token", token, ""),
                postJson(
                        "/api/v1/users/", superuser, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                login(email, "wrong-password"));

        String hash = jdbc.queryForObject("SELECT hashed_password FROM app_user WHERE email = ?", String.class, email);
        for (HttpResponse<String> response : responses) {
            assertThat(response.body())
                    .doesNotContain(hash)
                    .doesNotContain("$2a$")
                    .doesNotContain("hashed");
        }
        assertThat(output.getAll()).doesNotContain(hash).doesNotContain(password);
    }

    private void assertIncorrectCredentials(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("detail").asString()).isEqualTo("Incorrect email or password");
    }

    private long countUsers() {
        return jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
    }
}
