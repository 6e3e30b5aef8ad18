package org.pacemaker.replay;

import java.time.LocalDate;
import java.util.List;

/**
 * One request's rows: a whole UTC day, or part {@code part} of {@code parts} when the day has more
 * rows than one request may carry.
 */
record DayBatch(long epochDay, int part, int parts, List<CsvRow> rows) {

    LocalDate day() {
        return CsvRow.date(epochDay);
    }

    String label() {
        return parts == 1 ? day().toString() : day() + " (part " + part + "/" + parts + ")";
    }

    boolean lastOfDay() {
        return part == parts;
    }
}
