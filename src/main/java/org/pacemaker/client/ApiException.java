package org.pacemaker.client;

/** The service answered with an error status; the message carries its {@code detail}. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
