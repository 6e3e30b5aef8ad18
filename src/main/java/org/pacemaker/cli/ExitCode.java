package org.pacemaker.cli;

/** Exit codes shared by every command. */
public final class ExitCode {
    public static final int OK = 0;
    /** A bug or an unexpected failure: the message says what happened. */
    public static final int INTERNAL = 1;
    /** Bad arguments or bad input data; nothing was sent or written. */
    public static final int BAD_INPUT = 2;
    /** Login refused, token rejected or not a superuser. */
    public static final int AUTH = 3;
    /** The server or the network failed (unreachable, 5xx, timeouts after retries). */
    public static final int SERVER = 4;

    private ExitCode() {}
}
