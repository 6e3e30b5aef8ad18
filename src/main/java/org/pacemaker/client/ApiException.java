package org.pacemaker.client;

import java.time.Duration;
import java.util.Optional;

/** The service answered with an error status; the message carries its {@code detail}. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** How long the server asked to wait (its Retry-After header), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
