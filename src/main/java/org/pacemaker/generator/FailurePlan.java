package org.pacemaker.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Which patients fail, when and how: drawn once, before any reading. */
final class FailurePlan {

    private final Failure[] byPatient;
    private final List<Failure> failures;

    private FailurePlan(Failure[] byPatient) {
        this.byPatient = byPatient;
        this.failures = Arrays.stream(byPatient).filter(Objects::nonNull).toList();
    }

    static FailurePlan draw(GeneratorSettings settings, RandomSource random) {
        int patients = settings.patients();
        int[] ids = new int[patients];
        Arrays.setAll(ids, i -> i);
        int failing = settings.failingPatients();
        // A partial Fisher-Yates shuffle: the first `failing` ids, chosen without replacement.
        for (int i = 0; i < failing; i++) {
            int j = random.nextInt(i, patients);
            int chosen = ids[j];
            ids[j] = ids[i];
            ids[i] = chosen;
        }
        int[] chosen = Arrays.copyOf(ids, failing);
        Arrays.sort(chosen);

        long earliest = (long) GeneratorSettings.BASELINE_DAYS * settings.pingsPerDay();
        long bound = settings.readingsPerPatient() - (long) GeneratorSettings.TAIL_DAYS * settings.pingsPerDay();
        FailureType[] types = FailureType.values();
        Failure[] byPatient = new Failure[patients];
        for (int patient : chosen) {
            long position = random.nextLong(earliest, bound);
            FailureType type = types[random.nextInt(0, types.length)];
            byPatient[patient] = new Failure(patient, type, position);
        }
        return new FailurePlan(byPatient);
    }

    /** The patient's failure, or null for a patient that stays healthy. */
    Failure of(int patientId) {
        return byPatient[patientId];
    }

    /** Every failure, by patient id. */
    List<Failure> failures() {
        return failures;
    }
}
