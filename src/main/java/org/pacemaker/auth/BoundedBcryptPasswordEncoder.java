package org.pacemaker.auth;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt reads only the first 72 bytes of a password, so a longer one would match any password
 * sharing that prefix. Longer passwords are never hashed and never match.
 */
final class BoundedBcryptPasswordEncoder implements PasswordEncoder {

    /** The most bytes (UTF-8) of a password that bcrypt reads. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    static boolean fits(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    @Override
    public String encode(CharSequence password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("a password may be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return bcrypt.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        return fits(password) && bcrypt.matches(password, hash);
    }
}
