package org.pacemaker.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/users/. */
record UserCreate(
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(min = 8, max = 128) String password,
        @Size(max = 255) String fullName,
        Boolean isSuperuser,
        Boolean isActive) {

    boolean superuser() {
        return Boolean.TRUE.equals(isSuperuser);
    }

    boolean active() {
        return isActive == null || isActive;
    }
}
