package org.pacemaker.replay;

/** Why one cell, row or header of the CSV cannot be sent. */
record CsvProblem(long line, String column, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
