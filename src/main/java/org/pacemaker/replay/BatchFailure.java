package org.pacemaker.replay;

import org.pacemaker.cli.ExitCode;
import org.pacemaker.client.ApiException;

/** A request that failed for good: not retryable, or still failing after the retries. */
record BatchFailure(DayBatch batch, Throwable cause) {

    /** Auth, bad input (the server refused rows that passed the local check) or server/network. */
    int exitCode() {
        if (cause instanceof ApiException api) {
            return switch (api.status()) {
                case 401, 403 -> ExitCode.AUTH;
                case 400, 413, 422 -> ExitCode.BAD_INPUT;
                default -> ExitCode.SERVER;
            };
        }
        return ExitCode.SERVER;
    }

    String message() {
        return batch.label() + ": " + BatchSender.describe(cause);
    }

    boolean isBefore(BatchFailure other) {
        return batch.epochDay() < other.batch.epochDay()
                || (batch.epochDay() == other.batch.epochDay() && batch.part() < other.batch.part());
    }
}
