package org.pacemaker.schema;

/**
 * Every stored patient id without reading every row: a loose index scan that hops along the
 * (patient_id, timestamp) unique index, one probe per patient.
 */
public final class PatientIds {

    /**
     * A recursive CTE {@code p(patient_id)}: the stored patient ids in ascending order, followed by
     * one NULL row where the hop found no next id (filter it out, or count non-null ids).
     */
    public static final String CTE = """
            WITH RECURSIVE p AS (
                (SELECT patient_id FROM pacemaker_telemetry ORDER BY patient_id LIMIT 1)
                UNION ALL
                SELECT (SELECT t.patient_id FROM pacemaker_telemetry t
                        WHERE t.patient_id > p.patient_id ORDER BY t.patient_id LIMIT 1)
                FROM p WHERE p.patient_id IS NOT NULL)
            """;

    private PatientIds() {}
}
