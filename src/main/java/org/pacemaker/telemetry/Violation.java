package org.pacemaker.telemetry;

/**
 * One reason a request body was refused: the row index (null for the body as a whole), the field
 * (null for the row as a whole) and what is wrong.
 */
record Violation(Integer row, String field, String message) {

    static Violation ofBody(String message) {
        return new Violation(null, null, message);
    }

    /** "row 3, field timestamp: must be ..." */
    String describe() {
        if (row == null) {
            return "body: " + message;
        }
        return field == null ? "row %d: %s".formatted(row, message) : "row %d, %s: %s".formatted(row, field, message);
    }
}
