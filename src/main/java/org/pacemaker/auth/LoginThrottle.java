package org.pacemaker.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed logins for one account, or from one address,
 * within a window, further attempts are refused until the window of the oldest failure has passed.
 * A success clears the account's failures. Kept in memory: a restart forgets, which is acceptable
 * for throttling.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this account or address must wait before trying again, if it must. */
    Optional<Duration> waitBeforeNextAttempt(String account, String address) {
        Instant now = clock.instant();
        return longest(
                wait(accountKey(account), settings.maxFailuresPerAccount(), now),
                wait(addressKey(address), settings.maxFailuresPerAddress(), now));
    }

    void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.values().removeIf(f -> f.expired(now, settings.window()));
        }
        failures.merge(accountKey(account), Failures.first(now), (old, next) -> old.plusOne(now, settings.window()));
        failures.merge(addressKey(address), Failures.first(now), (old, next) -> old.plusOne(now, settings.window()));
    }

    void recordSuccess(String account) {
        failures.remove(accountKey(account));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || counted.expired(now, settings.window()) || counted.count() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, counted.since().plus(settings.window())));
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String accountKey(String account) {
        return "account:" + account.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** Failures counted since the first one of the current window. */
    private record Failures(int count, Instant since) {
        static Failures first(Instant now) {
            return new Failures(1, now);
        }

        Failures plusOne(Instant now, Duration window) {
            return expired(now, window) ? first(now) : new Failures(count + 1, since);
        }

        boolean expired(Instant now, Duration window) {
            return !now.isBefore(since.plus(window));
        }
    }
}
