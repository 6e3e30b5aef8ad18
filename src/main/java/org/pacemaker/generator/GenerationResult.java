package org.pacemaker.generator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a run wrote: the data rows (without the header) and the failures behind them. */
record GenerationResult(long rows, List<Failure> failures) {

    /** Failing patients per type, every type present (zero counts included), in declaration order. */
    Map<FailureType, Integer> failuresByType() {
        Map<FailureType, Integer> counts = new EnumMap<>(FailureType.class);
        for (FailureType type : FailureType.values()) {
            counts.put(type, 0);
        }
        failures.forEach(failure -> counts.merge(failure.type(), 1, Integer::sum));
        return counts;
    }
}
