package org.pacemaker.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a read wants: one patient or all, and a time range {@code [from, to)}. Turned into a
 * WHERE clause that names only the conditions given, so each query plan fits its filter.
 */
record TelemetryFilter(Integer patientId, Instant from, Instant to) {

    /** The conditions on alias {@code t}, with their parameters appended to {@code params}. */
    String where(Cursor after, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (patientId != null) {
            conditions.add("t.patient_id = ?");
            params.add(patientId);
        }
        if (from != null) {
            conditions.add("t.\"timestamp\" >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            conditions.add("t.\"timestamp\" < ?");
            params.add(utc(to));
        }
        if (after != null) {
            Instant afterTime = Instant.ofEpochSecond(after.timestamp());
            if (patientId != null) {
                // the same order, written so that the (patient_id, timestamp) index bounds the scan
                conditions.add("t.\"timestamp\" >= ? AND (t.\"timestamp\" > ? OR t.patient_id > ?)");
                params.add(utc(afterTime));
                params.add(utc(afterTime));
                params.add(after.patientId());
            } else {
                conditions.add("(t.\"timestamp\", t.patient_id) > (?, ?)");
                params.add(utc(afterTime));
                params.add(after.patientId());
            }
        }
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    /** pgjdbc binds an OffsetDateTime as timestamptz, whatever the JVM's time zone. */
    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
