package org.pacemaker.auth;

import io.swagger.v3.oas.annotations.Operation;
import org.pacemaker.user.User;
import org.pacemaker.user.UserPublic;
import org.pacemaker.user.UserRepository;
import org.pacemaker.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    LoginController(UserRepository users, PasswordEncoder passwords, TokenService tokens) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.unknownUserHash = passwords.encode("no such user");
    }

    record Token(String accessToken, String tokenType) {}

    @Operation(summary = "OAuth2 password login: form fields username (the email) and password")
    @PostMapping(path = "/api/v1/login/access-token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Token accessToken(@RequestParam String username, @RequestParam String password) {
        User user = users.findByEmail(username).orElse(null);
        boolean matches = passwords.matches(password, user == null ? unknownUserHash : user.hashedPassword());
        if (user == null || !matches) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Incorrect email or password");
        }
        if (!user.active()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Inactive user");
        }
        return new Token(tokens.issue(user.id()), "bearer");
    }

    @Operation(summary = "Check a token: answers with its user")
    @PostMapping("/api/v1/login/test-token")
    UserPublic testToken(@AuthenticationPrincipal User user) {
        return UserPublic.of(user);
    }
}
