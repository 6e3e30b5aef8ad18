package org.pacemaker.auth;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.pacemaker.user.User;
import org.pacemaker.user.UserPublic;
import org.pacemaker.user.UserRepository;
import org.pacemaker.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    /** Checked against when the email is unknown, so both failures take the same time. */
    private final String unknownUserHash;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;

    LoginController(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.unknownUserHash = passwords.encode("no such user");
    }

    record Token(String accessToken, String tokenType) {}

    @Operation(summary = "OAuth2 password login: form fields username (the email) and password")
    @PostMapping(path = "/api/v1/login/access-token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> accessToken(
            @RequestParam String username, @RequestParam String password, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many failed logins; try again in " + seconds + " seconds"));
        }
        User user = users.findByEmail(username).orElse(null);
        boolean matches = passwords.matches(password, user == null ? unknownUserHash : user.hashedPassword());
        if (user == null || !matches) {
            throw failedLogin(username, address, "Incorrect email or password");
        }
        if (!user.active()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Inactive user");
        }
        throttle.recordSuccess(username);
        return ResponseEntity.ok(new Token(tokens.issue(user.id()), "bearer"));
    }

    private ApiException failedLogin(String username, String address, String detail) {
        throttle.recordFailure(username, address);
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    @Operation(summary = "Check a token: answers with its user")
    @PostMapping("/api/v1/login/test-token")
    UserPublic testToken(@AuthenticationPrincipal User user) {
        return UserPublic.of(user);
    }
}
