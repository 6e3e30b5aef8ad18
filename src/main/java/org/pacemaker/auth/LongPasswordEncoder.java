package org.pacemaker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt for passwords of any length. bcrypt reads at most 72 bytes, and Spring's encoder refuses
 * longer input (a 500 for a 100-character password the API allows), so a longer password is first
 * reduced to its SHA-256 digest in base64 (44 bytes): all of it counts. Passwords up to 72 bytes are
 * hashed exactly as plain bcrypt does, so every stored hash stays valid.
 */
final class LongPasswordEncoder implements PasswordEncoder {

    static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(fitted(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(fitted(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private static CharSequence fitted(CharSequence rawPassword) {
        if (rawPassword == null) {
            return null;
        }
        byte[] bytes = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return rawPassword;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
