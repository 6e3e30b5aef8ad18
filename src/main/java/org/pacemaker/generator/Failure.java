package org.pacemaker.generator;

/**
 * One patient's failure. {@code position} is the index of the first reading that never happens: the
 * device is explanted there.
 */
record Failure(int patientId, FailureType type, long position) {

    static final int DEGRADATION_DAYS = 14;
    static final int TARGET_DAYS = 7;
}
