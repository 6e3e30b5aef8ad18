package org.pacemaker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The benchmark's findings: one line per phase against the COPY limit, the targets of issue 6, and
 * as the last line the ratio that sums it up.
 *
 * @param copy the limit
 * @param single the first pass at concurrency 1
 * @param best the fastest first pass at concurrency above 1
 * @param duplicates the pass over the full table at the best concurrency
 * @param phases every line, in the order measured
 */
record BenchReport(
        List<Measurement> phases,
        Measurement generate,
        Measurement copy,
        Measurement single,
        Measurement best,
        Measurement duplicates,
        Double servicePeakMb,
        Double serviceEndMb,
        String storedCheck) {

    static final String[] HEADINGS = {
        "phase", "rows", "seconds", "rows/s", "x COPY", "peak MB", "p50 ms", "p99 ms", "CPU s client/service/postgres"
    };

    /** Best end-to-end first pass over the limit: the last line of the report. */
    double ratio() {
        return best.rowsPerSecond() / copy.rowsPerSecond();
    }

    String ratioLine() {
        return String.format(Locale.ROOT, "e2e/copy throughput ratio: %.2f", ratio());
    }

    /** The table as aligned text. */
    List<String> textTable() {
        List<String> lines = new ArrayList<>();
        String format = "%-28s %11s %9s %11s %7s %8s %7s %7s  %s";
        lines.add(String.format(Locale.ROOT, format, (Object[]) HEADINGS));
        for (Measurement phase : phases) {
            lines.add(String.format(Locale.ROOT, format, (Object[]) cells(phase)));
        }
        return lines;
    }

    /** The table in Markdown. */
    List<String> markdownTable() {
        List<String> lines = new ArrayList<>();
        lines.add("| " + String.join(" | ", HEADINGS) + " |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Measurement phase : phases) {
            lines.add("| " + String.join(" | ", cells(phase)) + " |");
        }
        return lines;
    }

    private String[] cells(Measurement phase) {
        return new String[] {
            phase.label(),
            String.format(Locale.ROOT, "%,d", phase.rows()),
            String.format(Locale.ROOT, "%.2f", phase.seconds()),
            String.format(Locale.ROOT, "%,.0f", phase.rowsPerSecond()),
            phase.comparable() ? String.format(Locale.ROOT, "%.2f", phase.rowsPerSecond() / copy.rowsPerSecond()) : "",
            orBlank(phase.peakMb(), mb -> String.format(Locale.ROOT, "%.0f", mb)),
            orBlank(phase.p50Millis(), String::valueOf),
            orBlank(phase.p99Millis(), String::valueOf),
            cpu(phase.cpu())
        };
    }

    private static String cpu(Measurement.Cpu cpu) {
        if (cpu.client() == null && cpu.service() == null && cpu.postgres() == null) {
            return "";
        }
        return seconds(cpu.client()) + " / " + seconds(cpu.service()) + " / " + seconds(cpu.postgres());
    }

    private static String seconds(Double value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static <T> String orBlank(T value, Function<T, String> format) {
        return value == null ? "" : format.apply(value);
    }

    /** Issue 6's targets (set for the full default dataset), each with what this run measured. */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        double singleRatio = single.rowsPerSecond() / copy.rowsPerSecond();
        lines.add(target(
                "end to end, " + best.label() + String.format(Locale.ROOT, ": %.2fx COPY", ratio()),
                ratio() >= 0.5,
                ">= 0.50x"));
        lines.add(target(
                "end to end, " + single.label() + String.format(Locale.ROOT, ": %.2fx COPY", singleRatio),
                singleRatio >= 0.35,
                ">= 0.35x"));
        double duplicateSpeed = duplicates.rowsPerSecond() / best.rowsPerSecond();
        lines.add(target(
                String.format(Locale.ROOT, "duplicates pass: %.2fx the first pass's rows/s", duplicateSpeed),
                duplicateSpeed >= 1.0,
                ">= 1.00x"));
        Double clientMb = best.peakMb();
        lines.add(target(
                "replay client peak RSS: " + megabytes(clientMb),
                clientMb == null ? null : clientMb <= 150,
                "<= 150 MB"));
        lines.add(target(
                "generator peak RSS: " + megabytes(generate.peakMb()),
                generate.peakMb() == null ? null : generate.peakMb() <= 256,
                "<= 256 MB"));
        lines.add("service RSS: peak " + megabytes(servicePeakMb) + ", at the end " + megabytes(serviceEndMb));
        lines.add(storedCheck);
        return lines;
    }

    private static String target(String measured, Boolean met, String goal) {
        return measured + " (target " + goal + ": " + (met == null ? "unknown" : met ? "met" : "MISSED") + ")";
    }

    private static String megabytes(Double mb) {
        return mb == null ? "unknown" : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
