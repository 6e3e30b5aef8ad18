package org.pacemaker.generator;

import java.io.IOException;
import org.pacemaker.generator.RollingWindow.Span;

/** One patient's rolling means and per-day deltas of lead impedance and capture threshold. */
final class TrailingFeatures {

    private static final int DECIMALS = 4;

    private final RollingWindow impedance;
    private final RollingWindow threshold;

    TrailingFeatures(int pingsPerDay) {
        impedance = new RollingWindow(pingsPerDay);
        threshold = new RollingWindow(pingsPerDay);
    }

    /** Takes the patient's next reading, as rounded hundredths indexed by {@link Measurement}. */
    void add(long[] hundredths) {
        impedance.add(hundredths[Measurement.LEAD_IMPEDANCE.ordinal()]);
        threshold.add(hundredths[Measurement.CAPTURE_THRESHOLD.ordinal()]);
    }

    /** Writes the eight feature cells in the header's order, as of the latest reading. */
    void writeTo(CsvRowWriter out) throws IOException {
        writeMeans(out, impedance);
        writeMeans(out, threshold);
        writeDeltas(out, impedance);
        writeDeltas(out, threshold);
    }

    private static void writeMeans(CsvRowWriter out, RollingWindow window) throws IOException {
        for (Span span : Span.values()) {
            out.decimal(window.mean(span), DECIMALS);
        }
    }

    private static void writeDeltas(CsvRowWriter out, RollingWindow window) throws IOException {
        for (Span span : Span.values()) {
            if (window.hasDelta(span)) {
                out.decimal(window.deltaPerDay(span), DECIMALS);
            } else {
                out.empty();
            }
        }
    }
}
