package org.pacemaker.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class UserIntegrationTests extends ApiIntegrationTest {

    @Autowired
    UserService users;

    private HttpResponse<String> create(String token, Map<String, Object> user) {
        return postJson("/api/v1/users/", token, JSON.writeValueAsString(user));
    }

    @Test
    void aSuperuserCreatesAUserWhoCanThenLogIn() {
        HttpResponse<String> response = create(
                superuserToken(),
                Map.of("email", "Nurse.Joy@Example.com", "password", "long-enough", "full_name", "Nurse Joy"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("email").asString()).isEqualTo("nurse.joy@example.com");
        assertThat(json(response).path("full_name").asString()).isEqualTo("Nurse Joy");
        assertThat(json(response).path("is_active").asBoolean()).isTrue();
        assertThat(json(response).path("is_superuser").asBoolean()).isFalse();
        assertThat(response.body()).doesNotContain("long-enough").doesNotContain("hashed");
        assertThat(login("nurse.joy@example.com", "long-enough").statusCode()).isEqualTo(200);
        String stored = jdbc.queryForObject(
                "SELECT hashed_password FROM app_user WHERE email = 'nurse.joy@example.com'", String.class);
        assertThat(stored).startsWith("$2a$").doesNotContain("long-enough");
    }

    @Test
    void passwordsUpTo128CharactersWorkInFullBeyondBcrypts72Bytes() {
        String longest = "p".repeat(127) + "1";
        String multibyte = "\u00fc".repeat(100); // 100 characters, 200 bytes in UTF-8

        for (String password : new String[] {longest, multibyte}) {
            String email = "long-" + password.length() + "-" + password.charAt(0) + "@example.com";
            HttpResponse<String> response = create(superuserToken(), Map.of("email", email, "password", password));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(login(email, password).statusCode()).isEqualTo(200);
            // every character counts, not only bcrypt's first 72 bytes
            String sameStart = password.substring(0, password.length() - 1) + "2";
            assertThat(login(email, sameStart).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void anExistingEmailIs400() {
        HttpResponse<String> response = create(superuserToken(), Map.of("email", SUPERUSER, "password", "long-enough"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("detail").asString())
                .isEqualTo("The user with this email already exists in the system.");
    }

    @Test
    void badFieldsAre422NamingEachField() {
        HttpResponse<String> response = create(superuserToken(), Map.of("email", "not-an-email", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("detail").asString()).contains("email:").contains("password:");
        assertThat(create(superuserToken(), Map.of("email", "a@example.com", "password", "x".repeat(129)))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void onlyASuperuserCreatesUsers() {
        String email = createUser(false, true, "plain-password");

        HttpResponse<String> response =
                create(tokenFor(email, "plain-password"), Map.of("email", "x@example.com", "password", "long-enough"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(create(null, Map.of("email", "y@example.com", "password", "long-enough"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theFirstSuperuserIsCreatedOnceWhateverHowOftenTheServiceStarts() {
        assertThat(users.ensureSuperuser(SUPERUSER, "another-password")).isFalse();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Long.class, SUPERUSER))
                .isEqualTo(1);
        assertThat(login(SUPERUSER, SUPERUSER_PASSWORD).statusCode()).isEqualTo(200);
    }
}
