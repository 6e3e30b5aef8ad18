package org.pacemaker.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The last ingest request this instance answered, for the dashboard's "last batch": the database
 * knows when rows were stored, but not about a request whose rows were all duplicates.
 */
@Component
class IngestActivity {

    record LastRequest(Instant at, int receivedCount, int insertedCount, int duplicateCount) {}

    private final AtomicReference<LastRequest> last = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    void answered(IngestResponse response) {
        last.set(new LastRequest(
                clock.instant(), response.receivedCount(), response.insertedCount(), response.duplicateCount()));
    }

    LastRequest last() {
        return last.get();
    }
}
