package org.pacemaker.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What is stored and how fast it arrives. Reading times are Unix seconds, as in the rows; times on the
 * service's clock ({@code last_inserted_at}, the last request) are ISO 8601.
 *
 * @param rows rows stored
 * @param patients distinct patients with at least one row
 * @param firstTimestamp the earliest reading, null when nothing is stored
 * @param lastTimestamp the latest reading
 * @param rowsPerDay rows per UTC day of reading time, for the {@code days} days up to the latest one
 * @param recentWindowSeconds the window of {@code recentRows}
 * @param recentRows rows stored within the last {@code recentWindowSeconds}
 * @param rowsPerSecond {@code recentRows} over the window
 * @param lastInsertedAt when the newest row was stored
 * @param lastRequest the last ingest request this service instance answered, null before the first
 */
record TelemetryStats(
        long rows,
        long patients,
        Long firstTimestamp,
        Long lastTimestamp,
        List<Day> rowsPerDay,
        int recentWindowSeconds,
        long recentRows,
        double rowsPerSecond,
        Instant lastInsertedAt,
        IngestActivity.LastRequest lastRequest) {

    record Day(LocalDate day, long rows) {}
}
