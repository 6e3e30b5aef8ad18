package org.pacemaker.user;

import java.time.Instant;
import java.util.UUID;

/** A stored account. The password is kept only as its bcrypt hash. */
public record User(
        UUID id,
        String email,
        String hashedPassword,
        String fullName,
        boolean active,
        boolean superuser,
        Instant createdAt) {}
