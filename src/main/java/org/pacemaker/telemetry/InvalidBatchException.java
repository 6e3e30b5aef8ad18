package org.pacemaker.telemetry;

import java.util.List;

/** The request body is not a valid batch; nothing of it is stored. Answered with 422. */
final class InvalidBatchException extends RuntimeException {

    private static final int DESCRIBED_IN_DETAIL = 10;

    private final transient List<Violation> violations;

    InvalidBatchException(List<Violation> violations) {
        super(summarize(violations));
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }

    private static String summarize(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        text.append(violations.size() == 1 ? "1 problem" : violations.size() + " problems")
                .append(" in the request body, nothing was stored: ");
        violations.stream()
                .limit(DESCRIBED_IN_DETAIL)
                .forEach(v -> text.append(v.describe()).append("; "));
        if (violations.size() > DESCRIBED_IN_DETAIL) {
            text.append("and ").append(violations.size() - DESCRIBED_IN_DETAIL).append(" more (see errors)");
        } else {
            text.setLength(text.length() - 2);
        }
        return text.toString();
    }
}
