package org.pacemaker.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The first pass over the CSV: checks every row, and learns what the second pass needs without
 * keeping rows, whether the selected rows are already in replay order and how many fall on each day.
 *
 * @param rows the rows within the selected days
 * @param rowsPerDay selected rows per UTC day (days since 1970-01-01), in day order
 * @param ignoredColumns header names that are no telemetry column
 */
record CsvScan(long rows, SortedMap<Long, Integer> rowsPerDay, boolean ordered, List<String> ignoredColumns) {

    private static final int MAX_SHOWN_PROBLEMS = 20;

    CsvScan {
        rowsPerDay = Collections.unmodifiableSortedMap(new TreeMap<>(rowsPerDay));
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** Checks the whole file; throws {@link InvalidCsvException} naming the first problems found. */
    static CsvScan of(Path path, DayRange range) {
        Problems problems = new Problems();
        long rows = 0;
        boolean ordered = true;
        SortedMap<Long, Integer> rowsPerDay = new TreeMap<>();
        List<String> ignoredColumns;
        try (TelemetryCsv csv = TelemetryCsv.open(path)) {
            ignoredColumns = csv.ignoredColumns();
            CsvRow previous = null;
            while (csv.hasNext()) {
                CsvRow row = csv.next(problems);
                if (row == null || !range.contains(row.epochDay())) {
                    continue;
                }
                if (previous != null && CsvRow.REPLAY_ORDER.compare(previous, row) > 0) {
                    ordered = false;
                }
                previous = row;
                rowsPerDay.merge(row.epochDay(), 1, Integer::sum);
                rows++;
            }
            if (problems.total > 0) {
                throw new InvalidCsvException(csv.file(), problems.shown, problems.total);
            }
        }
        return new CsvScan(rows, rowsPerDay, ordered, ignoredColumns);
    }

    int days() {
        return rowsPerDay.size();
    }

    /** How many requests the day takes with at most {@code maxRows} rows each. */
    int parts(long epochDay, int maxRows) {
        return (rowsPerDay.getOrDefault(epochDay, 0) + maxRows - 1) / maxRows;
    }

    long batches(int maxRows) {
        return rowsPerDay.keySet().stream()
                .mapToLong(day -> parts(day, maxRows))
                .sum();
    }

    /** Keeps the first problems for the message and counts all of them. */
    private static final class Problems implements Consumer<CsvProblem> {
        final List<CsvProblem> shown = new ArrayList<>();
        long total;

        @Override
        public void accept(CsvProblem problem) {
            total++;
            if (shown.size() < MAX_SHOWN_PROBLEMS) {
                shown.add(problem);
            }
        }
    }
}
