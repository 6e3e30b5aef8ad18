package org.pacemaker.replay;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pacemaker.client.ApiClient;
import org.pacemaker.client.ApiException;
import org.pacemaker.client.IngestCounts;

/**
 * Sends one request body, retrying what may pass on a second try, which is safe because ingest skips
 * rows it already stored: network failures, timeouts, 429, 502, 503 and 504, with exponential backoff
 * and jitter, or after the server's Retry-After. A refused token is renewed once per attempt when
 * credentials were given.
 */
final class BatchSender {

    private final ApiClient api;
    private final URI endpoint;
    private final AccessToken token;
    private final RetrySettings retry;
    private final Consumer<String> log;

    BatchSender(ApiClient api, URI endpoint, AccessToken token, RetrySettings retry, Consumer<String> log) {
        this.api = api;
        this.endpoint = endpoint;
        this.token = token;
        this.retry = retry;
        this.log = log;
    }

    IngestCounts send(DayBatch batch, boolean gzipped) throws IOException, InterruptedException {
        RetryPolicy<IngestCounts> policy = RetryPolicy.<IngestCounts>builder()
                .handleIf((result, failure) -> isTransient(failure))
                .withMaxRetries(retry.maxRetries())
                .withDelayFn(context -> delayAfter(context.getLastException(), context.getAttemptCount()))
                .onRetry(event -> log.accept("retrying " + batch.label() + " (retry " + event.getAttemptCount() + " of "
                        + retry.maxRetries() + ") after: " + describe(event.getLastException())))
                .build();
        try {
            return Failsafe.with(policy).get(() -> attempt(() -> IngestBody.of(batch.rows(), gzipped), gzipped));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e;
        }
    }

    private IngestCounts attempt(Supplier<InputStream> body, boolean gzipped) throws IOException, InterruptedException {
        String used = token.current();
        try {
            return api.ingest(endpoint, used, body, gzipped);
        } catch (ApiException e) {
            if (e.status() != 401 || !token.renewable()) {
                throw e;
            }
            log.accept("token refused (" + e.getMessage() + "); logging in again");
            return api.ingest(endpoint, token.renew(used), body, gzipped);
        }
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof ApiException api) {
            int status = api.status();
            return status == 429 || status == 502 || status == 503 || status == 504;
        }
        // connection refused or dropped, and timeouts (HttpTimeoutException is an IOException)
        return failure instanceof IOException;
    }

    private Duration delayAfter(Throwable failure, int attempts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (failure instanceof ApiException api && api.retryAfter().isPresent()) {
            // never earlier than asked; a little later, so that waiting clients do not return at once
            long asked = api.retryAfter().get().toMillis();
            return Duration.ofMillis(asked + random.nextLong(asked / 4 + 1));
        }
        long backoff =
                Math.min(retry.maxDelay().toMillis(), retry.firstDelay().toMillis() << Math.min(attempts - 1, 20));
        // "equal jitter": half the backoff for sure, the other half at random
        return Duration.ofMillis(backoff / 2 + random.nextLong(backoff / 2 + 1));
    }

    static String describe(Throwable failure) {
        if (failure instanceof ApiException) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
