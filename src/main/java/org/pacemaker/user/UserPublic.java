package org.pacemaker.user;

import java.util.UUID;

/** What the API shows of a user: never the password hash. */
public record UserPublic(UUID id, String email, String fullName, boolean isActive, boolean isSuperuser) {

    public static UserPublic of(User user) {
        return new UserPublic(user.id(), user.email(), user.fullName(), user.active(), user.superuser());
    }
}
