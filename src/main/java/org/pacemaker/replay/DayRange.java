package org.pacemaker.replay;

import java.time.LocalDate;

/** The UTC days to replay, both ends included; a null end is open. */
record DayRange(LocalDate start, LocalDate end) {

    boolean contains(long epochDay) {
        return (start == null || epochDay >= start.toEpochDay()) && (end == null || epochDay <= end.toEpochDay());
    }
}
