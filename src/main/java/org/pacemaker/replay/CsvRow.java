package org.pacemaker.replay;

import java.time.LocalDate;
import java.util.Comparator;
import org.pacemaker.schema.TelemetryField;

/**
 * One checked CSV row. Every value is kept as a double indexed by {@link TelemetryField#ordinal()},
 * NaN for an empty cell: validation already refused non-finite numbers, so NaN cannot mean anything
 * else, and ids and timestamps stay exact (both are far below 2^53).
 *
 * @param line the row's line number in the file, for messages
 */
record CsvRow(long line, double[] values) {

    static final Comparator<CsvRow> REPLAY_ORDER =
            Comparator.comparingLong(CsvRow::timestamp).thenComparingLong(CsvRow::patientId);

    private static final long SECONDS_PER_DAY = 86_400;

    long patientId() {
        return (long) values[TelemetryField.PATIENT_ID.ordinal()];
    }

    long timestamp() {
        return (long) values[TelemetryField.TIMESTAMP.ordinal()];
    }

    /** The UTC day of the reading, as days since 1970-01-01. */
    long epochDay() {
        return Math.floorDiv(timestamp(), SECONDS_PER_DAY);
    }

    static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
