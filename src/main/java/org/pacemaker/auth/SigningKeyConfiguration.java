package org.pacemaker.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pacemaker.DataDirectory;
import org.pacemaker.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HS256 key that signs and checks access tokens. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    static final String KEY_FILE = "secret-key";
    private static final int MIN_KEY_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    SecretKey tokenSigningKey(SecuritySettings settings, DataDirectory dataDirectory) {
        String secret = settings.secretKey();
        if (secret == null || secret.isBlank()) {
            if (settings.environment() != SecuritySettings.Environment.LOCAL) {
                throw new StartupFailure(
                        "SECRET_KEY must be set when ENVIRONMENT is "
                                + settings.environment().name().toLowerCase(),
                        "Set SECRET_KEY to a random string of at least " + MIN_KEY_LENGTH + " characters");
            }
            secret = localSecret(dataDirectory.resolve(KEY_FILE));
        } else {
            settings.checkNotDefault("SECRET_KEY", secret);
            if (secret.length() < MIN_KEY_LENGTH && !SecuritySettings.DEFAULT_SECRET.equals(secret)) {
                throw new StartupFailure(
                        "SECRET_KEY must be at least " + MIN_KEY_LENGTH + " characters long (256 bits for HS256), got "
                                + secret.length(),
                        "Set SECRET_KEY to a longer random string");
            }
        }
        // HS256 needs 256 bits; a short local default is stretched so it still works, as the warning says.
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_KEY_LENGTH) {
            key = java.util.Arrays.copyOf(key, MIN_KEY_LENGTH);
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /** Reads the key kept in the data folder, or makes and keeps one, so tokens survive a restart. */
    private static String localSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            Files.writeString(temporary, secret, StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a token signing key in {} (set SECRET_KEY to choose one)", file);
            return secret;
        } catch (IOException e) {
            throw new StartupFailure(
                    "Cannot read or write the signing key " + file + ": " + e.getMessage(),
                    "Check the data folder's permissions, or set SECRET_KEY",
                    e);
        }
    }
}
