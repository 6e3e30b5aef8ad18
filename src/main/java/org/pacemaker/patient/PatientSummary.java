package org.pacemaker.patient;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.pacemaker.alert.Alert;
import org.pacemaker.schema.Reading;

/**
 * One patient as stored.
 *
 * @param patientId the patient
 * @param lastTimestamp when it was last seen: its latest reading's timestamp, Unix seconds
 * @param readingCount readings stored
 * @param alerts what it raises now: its latest reading's alerts, and silence
 * @param latest its latest reading
 */
record PatientSummary(
        int patientId,
        long lastTimestamp,
        long readingCount,
        List<Alert> alerts,
        @Schema(ref = Reading.OPENAPI_REF) Reading latest) {}
