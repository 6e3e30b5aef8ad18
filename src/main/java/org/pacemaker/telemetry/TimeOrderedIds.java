package org.pacemaker.telemetry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made close in time sort close
 * together, so inserts land at the right edge of the primary key index instead of all over it.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {}

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
