package org.pacemaker.auth;

import org.pacemaker.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets and accounts, named after the original's environment variables.
 *
 * @param environment local, staging or production; outside local, default secrets refuse to start
 * @param secretKey signs the access tokens (HS256); in local a missing one is generated and kept
 * @param accessTokenExpireMinutes how long a token is valid
 * @param firstSuperuser email of the superuser created at start-up when absent
 * @param firstSuperuserPassword its password
 */
@ConfigurationProperties("pacemaker.security")
public record SecuritySettings(
        Environment environment,
        String secretKey,
        long accessTokenExpireMinutes,
        String firstSuperuser,
        String firstSuperuserPassword) {

    public static final String DEFAULT_SECRET = "changethis";
    private static final Logger log = LoggerFactory.getLogger(SecuritySettings.class);

    public enum Environment {
        LOCAL,
        STAGING,
        PRODUCTION
    }

    public SecuritySettings {
        if (environment == null) {
            environment = Environment.LOCAL;
        }
        if (accessTokenExpireMinutes <= 0) {
            throw new IllegalArgumentException(
                    "ACCESS_TOKEN_EXPIRE_MINUTES must be positive, got " + accessTokenExpireMinutes);
        }
    }

    /**
     * Refuses a default secret outside the local environment, and warns about it in local, as the
     * original does.
     */
    public void checkNotDefault(String variable, String value) {
        if (!DEFAULT_SECRET.equals(value)) {
            return;
        }
        // Names the variable, never its value: the log must not carry a password, not even the default.
        String message = variable + " is still the default; for security, change it, at least for deployments.";
        if (environment != Environment.LOCAL) {
            // a StartupFailure gets Spring Boot's short failure report instead of a page of stack trace
            throw new StartupFailure(
                    message + " (ENVIRONMENT=" + environment.name().toLowerCase() + ")",
                    "Set " + variable + " to a secret value of your own");
        }
        log.warn(message);
    }
}
