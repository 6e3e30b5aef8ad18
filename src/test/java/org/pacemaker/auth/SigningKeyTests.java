package org.pacemaker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.DataDirectory;
import org.pacemaker.auth.SecuritySettings.Environment;

class SigningKeyTests {

    @TempDir
    Path dataDir;

    private static SecuritySettings settings(Environment environment, String secretKey) {
        return new SecuritySettings(environment, secretKey, 60, "admin@example.com", "a-strong-password");
    }

    private SecretKey key(Environment environment, String secretKey) {
        return new SigningKeyConfiguration()
                .tokenSigningKey(settings(environment, secretKey), new DataDirectory(dataDir));
    }

    @Test
    void localGeneratesAKeyOnceAndKeepsItForTheNextStart() throws Exception {
        SecretKey first = key(Environment.LOCAL, "");
        SecretKey second = key(Environment.LOCAL, null);

        assertThat(second.getEncoded()).isEqualTo(first.getEncoded()).hasSizeGreaterThanOrEqualTo(32);
        Path file = dataDir.resolve(SigningKeyConfiguration.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(file))
                .extracting(Object::toString)
                .containsOnly("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void aGivenKeyIsUsedAsIs() {
        String secret = "0123456789abcdef0123456789abcdef-given";

        assertThat(key(Environment.PRODUCTION, secret).getEncoded()).isEqualTo(secret.getBytes());
        assertThat(dataDir.resolve(SigningKeyConfiguration.KEY_FILE)).doesNotExist();
    }

    @Test
    void stagingAndProductionRefuseAMissingOrDefaultKey() {
        assertThatThrownBy(() -> key(Environment.PRODUCTION, ""))
                .isInstanceOf(org.pacemaker.StartupFailure.class)
                .hasMessage("SECRET_KEY must be set when ENVIRONMENT is production");
        assertThatThrownBy(() -> key(Environment.STAGING, "changethis"))
                .isInstanceOf(org.pacemaker.StartupFailure.class)
                .hasMessageContaining("SECRET_KEY is still the default")
                .hasMessageContaining("ENVIRONMENT=staging");
    }

    @Test
    void localOnlyWarnsAboutTheDefaultKey() {
        assertThat(key(Environment.LOCAL, "changethis").getEncoded()).hasSize(32);
    }

    @Test
    void aShortKeyIsRefusedWithItsLength() {
        assertThatThrownBy(() -> key(Environment.LOCAL, "too-short"))
                .hasMessage("SECRET_KEY must be at least 32 characters long (256 bits for HS256), got 9");
    }

    @Test
    void theDefaultSuperuserPasswordStopsAProductionStart() {
        SecuritySettings production = settings(Environment.PRODUCTION, "x".repeat(40));

        // a StartupFailure is reported in a few lines, without the stack trace other exceptions get
        assertThatThrownBy(() -> production.checkNotDefault("FIRST_SUPERUSER_PASSWORD", "changethis"))
                .isInstanceOf(org.pacemaker.StartupFailure.class)
                .hasMessageStartingWith("FIRST_SUPERUSER_PASSWORD is still the default")
                .hasMessageNotContaining("\"changethis\"");
        production.checkNotDefault("FIRST_SUPERUSER_PASSWORD", "something-else");
    }
}
