package org.pacemaker.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The second pass: the selected rows in (timestamp, patient_id) order, cut into one request per UTC
 * day or per {@code maxRows} rows. A file already in order streams, holding one request's rows at a
 * time; any other file is loaded and sorted first.
 */
final class DayBatches implements Iterator<DayBatch>, AutoCloseable {

    private final CsvScan scan;
    private final int maxRows;
    private final TelemetryCsv csv;
    private final Iterator<CsvRow> rows;
    private CsvRow pending;
    private long day = Long.MIN_VALUE;
    private int part;

    private DayBatches(CsvScan scan, int maxRows, TelemetryCsv csv, Iterator<CsvRow> rows) {
        this.scan = scan;
        this.maxRows = maxRows;
        this.csv = csv;
        this.rows = rows;
    }

    static DayBatches open(Path path, CsvScan scan, DayRange range, int maxRows, Consumer<String> notices) {
        TelemetryCsv csv = TelemetryCsv.open(path);
        Iterator<CsvRow> selected = new SelectedRows(csv, range);
        if (scan.ordered()) {
            return new DayBatches(scan, maxRows, csv, selected);
        }
        notices.accept(
                path + " is not ordered by (timestamp, patient_id): sorting its " + scan.rows() + " rows in memory");
        List<CsvRow> all = new ArrayList<>((int) scan.rows());
        selected.forEachRemaining(all::add);
        csv.close();
        all.sort(CsvRow.REPLAY_ORDER);
        return new DayBatches(scan, maxRows, null, all.iterator());
    }

    @Override
    public boolean hasNext() {
        return pending != null || rows.hasNext();
    }

    @Override
    public DayBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRow first = pending != null ? pending : rows.next();
        pending = null;
        if (first.epochDay() != day) {
            day = first.epochDay();
            part = 0;
        }
        List<CsvRow> batch = new ArrayList<>(Math.min(maxRows, scan.rowsPerDay().get(day)));
        batch.add(first);
        while (batch.size() < maxRows && rows.hasNext()) {
            CsvRow row = rows.next();
            if (row.epochDay() != day) {
                pending = row;
                break;
            }
            batch.add(row);
        }
        part++;
        return new DayBatch(day, part, scan.parts(day, maxRows), batch);
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }

    /** The file's rows within the range; they were all checked by the first pass. */
    private static final class SelectedRows implements Iterator<CsvRow> {
        private final TelemetryCsv csv;
        private final DayRange range;
        private CsvRow next;

        SelectedRows(TelemetryCsv csv, DayRange range) {
            this.csv = csv;
            this.range = range;
        }

        @Override
        public boolean hasNext() {
            while (next == null && csv.hasNext()) {
                CsvRow row = csv.next(problem -> {
                    throw new IllegalStateException(csv.file() + " changed while it was being replayed, at " + problem);
                });
                if (range.contains(row.epochDay())) {
                    next = row;
                }
            }
            return next != null;
        }

        @Override
        public CsvRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CsvRow row = next;
            next = null;
            return row;
        }
    }
}
