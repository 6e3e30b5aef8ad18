package org.pacemaker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle =
            new LoginThrottle(new LoginThrottleSettings(3, 5, Duration.ofMinutes(10)), clock);

    @Test
    void refusesAnAccountAfterTooManyFailuresUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBeforeNextAttempt("a@example.com", "10.0.0.1"))
                    .isEmpty();
            throttle.recordFailure("a@example.com", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.waitBeforeNextAttempt("A@Example.com", "10.0.0.2")).contains(Duration.ofMinutes(7));
        assertThat(throttle.waitBeforeNextAttempt("b@example.com", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(7));
        assertThat(throttle.waitBeforeNextAttempt("a@example.com", "10.0.0.1")).isEmpty();
    }

    @Test
    void refusesAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i + "@example.com", "10.0.0.9");
        }

        assertThat(throttle.waitBeforeNextAttempt("fresh@example.com", "10.0.0.9"))
                .contains(Duration.ofMinutes(10));
        assertThat(throttle.waitBeforeNextAttempt("fresh@example.com", "10.0.0.8"))
                .isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        throttle.recordFailure("a@example.com", "10.0.0.1");
        throttle.recordFailure("a@example.com", "10.0.0.1");
        throttle.recordSuccess("a@example.com");
        throttle.recordFailure("a@example.com", "10.0.0.1");
        throttle.recordFailure("a@example.com", "10.0.0.1");

        assertThat(throttle.waitBeforeNextAttempt("a@example.com", "10.0.0.3")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
