package org.pacemaker.replay;

import java.util.List;

/** The CSV failed the up-front check; nothing was sent. Holds the first problems and their total. */
final class InvalidCsvException extends RuntimeException {

    private final List<CsvProblem> shown;
    private final long total;

    InvalidCsvException(String file, List<CsvProblem> shown, long total) {
        super(file + ": " + total + (total == 1 ? " problem" : " problems") + ", the first at " + shown.get(0)
                + "; nothing was sent");
        this.shown = List.copyOf(shown);
        this.total = total;
    }

    List<CsvProblem> shown() {
        return shown;
    }

    long total() {
        return total;
    }
}
