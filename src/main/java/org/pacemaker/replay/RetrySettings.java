package org.pacemaker.replay;

import java.time.Duration;

/**
 * How transient failures are retried.
 *
 * @param maxRetries retries after the first attempt
 * @param firstDelay the backoff before the first retry; it doubles up to {@code maxDelay}
 */
record RetrySettings(int maxRetries, Duration firstDelay, Duration maxDelay) {}
