package org.pacemaker.user;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Create a user (superuser only)")
    @PostMapping({"/api/v1/users/", "/api/v1/users"})
    @ResponseStatus(HttpStatus.OK)
    UserPublic create(@Valid @RequestBody UserCreate request) {
        return UserPublic.of(users.create(request));
    }

    @Operation(summary = "The user the token belongs to")
    @GetMapping("/api/v1/users/me")
    UserPublic me(@AuthenticationPrincipal User user) {
        return UserPublic.of(user);
    }
}
