package org.pacemaker.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.pacemaker.StartupFailure;
import org.pacemaker.client.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns whatever a command threw into one clear line on stderr and an exit code. */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        Failure failure = classify(e);
        command.getErr().println("error: " + failure.message());
        if (System.getenv("PACEMAKER_DEBUG") != null) {
            e.printStackTrace(command.getErr());
        }
        return failure.exitCode();
    }

    record Failure(int exitCode, String message) {}

    static Failure classify(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupFailure startup) {
                return new Failure(ExitCode.INTERNAL, startup.getMessage() + ". " + startup.action());
            }
        }
        if (e instanceof CommandFailure failure) {
            return new Failure(failure.exitCode(), failure.getMessage());
        }
        if (e instanceof ApiException api) {
            int code =
                    api.status() == 401 || api.status() == 403 || api.status() == 400 ? ExitCode.AUTH : ExitCode.SERVER;
            if (api.status() == 422 || api.status() == 413) {
                code = ExitCode.BAD_INPUT;
            }
            return new Failure(code, api.getMessage());
        }
        if (e instanceof ConnectException) {
            return new Failure(ExitCode.SERVER, "cannot connect: " + rootMessage(e));
        }
        if (e instanceof HttpTimeoutException) {
            return new Failure(ExitCode.SERVER, "request timed out: " + rootMessage(e));
        }
        if (e instanceof IOException) {
            return new Failure(ExitCode.SERVER, rootMessage(e));
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && !(e instanceof RuntimeException && cause instanceof RuntimeException)) {
            return classify(cause);
        }
        return new Failure(ExitCode.INTERNAL, rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
