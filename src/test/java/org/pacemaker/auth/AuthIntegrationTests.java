package org.pacemaker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class AuthIntegrationTests extends ApiIntegrationTest {

    private static final String INGEST = "/api/v1/telemetry/ingest";
    private static final String ROW = "[{\"patient_id\":900001,\"timestamp\":1,\"lead_impedance_ohms\":1,"
            + "\"capture_threshold_v\":1,\"r_wave_sensing_mv\":1,\"battery_voltage_v\":1}]";

    @Autowired
    SecretKey tokenSigningKey;

    @Test
    void loginAnswersABearerTokenThatTheApiAccepts() {
        HttpResponse<String> response = login(SUPERUSER, SUPERUSER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("token_type").asString()).isEqualTo("bearer");
        String token = json(response).path("access_token").asString();
        HttpResponse<String> me = get("/api/v1/users/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("email").asString()).isEqualTo(SUPERUSER);
        assertThat(json(me).path("is_superuser").asBoolean()).isTrue();
        assertThat(me.body()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void loginRefusesAWrongPasswordAnUnknownEmailAndAnInactiveUser() {
        String inactive = createUser(false, false, "inactive-password");

        assertThat(List.of(
                        login(SUPERUSER, "wrong-password"),
                        login("nobody@example.com", "whatever1"),
                        login(inactive, "inactive-password")))
                .extracting(
                        HttpResponse::statusCode, r -> json(r).path("detail").asString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(400, "Incorrect email or password"),
                        org.assertj.core.groups.Tuple.tuple(400, "Incorrect email or password"),
                        org.assertj.core.groups.Tuple.tuple(400, "Inactive user"));
    }

    @Test
    void manyFailedLoginsForOneAccountAre429EvenWithTheRightPassword() {
        String email = createUser(false, true, "the-right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "guess-" + i).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> throttled = login(email, "the-right-one");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(json(throttled).path("detail").asString()).startsWith("Too many failed logins; try again in");
        assertThat(login(SUPERUSER, SUPERUSER_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void loginTreatsTheEmailCaseInsensitively() {
        assertThat(login(SUPERUSER.toUpperCase(), SUPERUSER_PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void ingestWithoutAValidTokenIs401() throws Exception {
        UUID superuserId = UUID.fromString(
                json(get("/api/v1/users/me", superuserToken())).path("id").asString());
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        String signedElsewhere = sign(claims(superuserId, Instant.now().plusSeconds(600)), otherKey);
        String expired = sign(claims(superuserId, Instant.now().minusSeconds(3600)), tokenSigningKey.getEncoded());
        String unsigned = new PlainJWT(claims(superuserId, Instant.now().plusSeconds(600))).serialize();
        String valid = superuserToken();
        String tampered = tamperSubject(valid, UUID.randomUUID());
        String unknownUser =
                sign(claims(UUID.randomUUID(), Instant.now().plusSeconds(600)), tokenSigningKey.getEncoded());

        for (String token : new String[] {null, "garbage", signedElsewhere, expired, unsigned, tampered, unknownUser}) {
            HttpResponse<String> response = postJson(INGEST, token, ROW);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(json(response).path("detail").asString())
                    .isIn("Not authenticated", "Could not validate credentials");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pacemaker_telemetry WHERE patient_id = 900001", Long.class))
                .isZero();
    }

    @Test
    void ingestByAnActiveNormalUserIs403() {
        String email = createUser(false, true, "normal-password");

        HttpResponse<String> response = postJson(INGEST, tokenFor(email, "normal-password"), ROW);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asString()).isEqualTo("The user doesn't have enough privileges");
    }

    @Test
    void aTokenStopsWorkingWhenItsUserIsDeactivatedOrDeleted() {
        String deactivated = createUser(true, true, "soon-inactive");
        String deleted = createUser(true, true, "soon-deleted");
        String deactivatedToken = tokenFor(deactivated, "soon-inactive");
        String deletedToken = tokenFor(deleted, "soon-deleted");

        jdbc.update("UPDATE app_user SET is_active = false WHERE email = ?", deactivated);
        jdbc.update("DELETE FROM app_user WHERE email = ?", deleted);

        HttpResponse<String> inactive = postJson(INGEST, deactivatedToken, ROW);
        assertThat(inactive.statusCode()).isEqualTo(401);
        assertThat(json(inactive).path("detail").asString()).isEqualTo("Inactive user");
        assertThat(postJson(INGEST, deletedToken, ROW).statusCode()).isEqualTo(401);
    }

    @Test
    void testTokenAnswersTheTokensUser() {
        String email = createUser(false, true, "reader-password");

        HttpResponse<String> response = postJson("/api/v1/login/test-token", tokenFor(email, "reader-password"), "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("email").asString()).isEqualTo(email);
        assertThat(json(response).path("is_superuser").asBoolean()).isFalse();
    }

    private static JWTClaimsSet claims(UUID subject, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issueTime(Date.from(expiry.minusSeconds(7200)))
                .expirationTime(Date.from(expiry))
                .build();
    }

    private static String sign(JWTClaimsSet claims, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** Swaps the payload of a valid token, keeping its signature. */
    private static String tamperSubject(String token, UUID subject) {
        String[] parts = token.split("\\.");
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":"
                                + (Instant.now().getEpochSecond() + 600) + "}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
