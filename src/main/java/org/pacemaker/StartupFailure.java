package org.pacemaker;

/**
 * The service cannot start for a reason the operator can fix (a missing secret, a busy data folder,
 * a database that will not start). Its message is complete on its own: it is what the user sees.
 */
public class StartupFailure extends RuntimeException {

    private final String action;

    public StartupFailure(String message, String action) {
        super(message);
        this.action = action;
    }

    public StartupFailure(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
