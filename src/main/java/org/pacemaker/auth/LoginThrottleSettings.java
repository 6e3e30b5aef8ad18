package org.pacemaker.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed logins are allowed before further attempts are refused with 429.
 *
 * @param maxFailuresPerAccount failures for one email within the window
 * @param maxFailuresPerAddress failures from one client address within the window
 * @param window how long a failure counts
 */
@ConfigurationProperties("pacemaker.login-throttle")
record LoginThrottleSettings(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {}
