package org.pacemaker.alert;

/**
 * One alert and the reading that raised it.
 *
 * @param rule the rule's id, such as {@code lead_impedance_high}
 * @param message what is wrong, with the value and the limit
 * @param field the column the rule looked at
 * @param value the reading's value (for {@code no_recent_data}: days without a reading)
 * @param limit the limit it crossed
 * @param patientId the reading's patient
 * @param readingTimestamp the reading's timestamp, Unix seconds: with the patient, it names the row
 */
public record Alert(
        String rule, String message, String field, double value, double limit, int patientId, long readingTimestamp) {}
