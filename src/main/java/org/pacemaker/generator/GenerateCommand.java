package org.pacemaker.generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pacemaker.cli.CommandFailure;
import org.pacemaker.cli.ExitCode;
import org.pacemaker.schema.TelemetryField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic pacemaker telemetry as CSV: healthy readings for every patient, and for a share of"
                    + " them a 14-day drift towards a device failure, labelled over its last 7 days, after which"
                    + " the device is explanted.",
            "With --seed and --end-time given, the same arguments give a byte-identical file on every machine."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--patients",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Number of patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "1825",
            description = "Days of readings per patient (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--pings-per-day",
            paramLabel = "N",
            defaultValue = "1",
            description = "Readings per patient per day; must divide 86400 (default: ${DEFAULT-VALUE}).")
    int pingsPerDay;

    @Option(
            names = "--failure-rate",
            paramLabel = "RATE",
            defaultValue = "0.2",
            description = "Share of patients whose device fails, from 0 to 1 (default: ${DEFAULT-VALUE}).")
    double failureRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--end-time",
            converter = EndTimeConverter.class,
            paramLabel = "TIME",
            description = "The last reading's timestamp: Unix seconds, a date (midnight UTC) or an instant, for"
                    + " example 1767225600, 2026-01-01 or 2026-01-01T00:00:00Z (default: now, rounded down to"
                    + " the reading interval).")
    Long endTime;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            defaultValue = "data/pacemaker_data.csv",
            description = "The CSV file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--truth-output",
            paramLabel = "FILE",
            description = "Also write a CSV of every failing patient: failure type, failure timestamp and first"
                    + " labelled timestamp.")
    Path truthOutput;

    private long rowsWritten;

    /** Data rows the last successful {@link #call()} wrote. */
    public long rowsWritten() {
        return rowsWritten;
    }

    @Override
    public Integer call() {
        GeneratorSettings settings = settings();
        checkOutputs();
        long started = System.nanoTime();
        GenerationResult result = write(settings);
        rowsWritten = result.rows();
        printSummary(settings, result, (System.nanoTime() - started) / 1e9);
        return ExitCode.OK;
    }

    private GeneratorSettings settings() {
        requirePositive("--patients", patients);
        requirePositive("--days", days);
        requirePositive("--pings-per-day", pingsPerDay);
        if (GeneratorSettings.SECONDS_PER_DAY % pingsPerDay != 0) {
            throw CommandFailure.badInput("--pings-per-day must divide 86400, so readings come every whole number"
                    + " of seconds, got " + pingsPerDay);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw CommandFailure.badInput("--failure-rate must be from 0 to 1, got " + failureRate);
        }
        long interval = GeneratorSettings.SECONDS_PER_DAY / pingsPerDay;
        long end = endTime != null ? endTime : Math.floorDiv(Instant.now().getEpochSecond(), interval) * interval;
        GeneratorSettings settings = new GeneratorSettings(patients, days, pingsPerDay, failureRate, seed, end);
        if (failureRate > 0 && settings.readingsPerPatient() < settings.minimumReadingsForFailures()) {
            throw CommandFailure.badInput(String.format(
                    "--days %d at --pings-per-day %d gives %d readings per patient, but failures need at least %d"
                            + " (%d days of baseline, %d after the failure, plus one); use more days or"
                            + " --failure-rate 0",
                    days,
                    pingsPerDay,
                    settings.readingsPerPatient(),
                    settings.minimumReadingsForFailures(),
                    GeneratorSettings.BASELINE_DAYS,
                    GeneratorSettings.TAIL_DAYS));
        }
        if (end > TelemetryField.MAX_UNIX_SECONDS) {
            throw CommandFailure.badInput("--end-time must be at most " + TelemetryField.MAX_UNIX_SECONDS
                    + " (9999-12-31T23:59:59Z), got " + end);
        }
        if (settings.firstTimestamp() < 0) {
            throw CommandFailure.badInput("--days " + days + " ending at --end-time " + end
                    + " would start before 1970-01-01; give a later --end-time or fewer days");
        }
        return settings;
    }

    private static void requirePositive(String option, int value) {
        if (value <= 0) {
            throw CommandFailure.badInput(option + " must be positive, got " + value);
        }
    }

    private void checkOutputs() {
        if (!output.getFileName().toString().endsWith(".csv")) {
            throw CommandFailure.badInput("--output must end in .csv, got " + output);
        }
        if (Files.isDirectory(output)) {
            throw CommandFailure.badInput("--output is a directory: " + output);
        }
        if (truthOutput != null) {
            if (Files.isDirectory(truthOutput)) {
                throw CommandFailure.badInput("--truth-output is a directory: " + truthOutput);
            }
            if (truthOutput
                    .toAbsolutePath()
                    .normalize()
                    .equals(output.toAbsolutePath().normalize())) {
                throw CommandFailure.badInput("--truth-output must differ from --output, both are " + output);
            }
        }
    }

    /** Writes both files under temporary names and renames them only when everything succeeded. */
    private GenerationResult write(GeneratorSettings settings) {
        try (PendingFile data = PendingFile.create(output);
                PendingFile truth = truthOutput == null ? null : PendingFile.create(truthOutput)) {
            GenerationResult result;
            try (CsvRowWriter out = new CsvRowWriter(Files.newOutputStream(data.temporary()))) {
                result = new TelemetryGenerator(settings).writeTo(out, progress());
            }
            if (truth != null) {
                TruthFile.write(truth.temporary(), settings, result.failures());
                truth.commit();
            }
            data.commit();
            return result;
        } catch (IOException e) {
            String targets = truthOutput == null ? output.toString() : output + " and " + truthOutput;
            throw new CommandFailure(
                    ExitCode.INTERNAL,
                    "cannot write " + targets + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        }
    }

    private Progress progress() {
        return System.console() == null
                ? Progress.NONE
                : new TerminalProgress(spec.commandLine().getErr(), System::nanoTime);
    }

    private void printSummary(GeneratorSettings settings, GenerationResult result, double seconds) {
        Map<FailureType, Integer> byType = result.failuresByType();
        String types = byType.entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rows:     %d%n", result.rows());
        out.printf(
                Locale.ROOT,
                "patients: %d, %d failing (%s)%n",
                settings.patients(),
                result.failures().size(),
                types);
        out.printf(Locale.ROOT, "output:   %s%n", output);
        if (truthOutput != null) {
            out.printf(Locale.ROOT, "truth:    %s%n", truthOutput);
        }
        out.printf(Locale.ROOT, "time:     %.1f s%n", seconds);
        out.flush();
    }
}
