package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.pacemaker.schema.TelemetryField.CAPTURE_THRESHOLD_V;
import static org.pacemaker.schema.TelemetryField.LEAD_IMPEDANCE_OHMS;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pacemaker.schema.TelemetryField;

/** Structural and statistical checks on generated files, read back as text. */
class GeneratorTests {

    static final long END_TIME = 1_767_225_600L;
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/original-generator-30x150.csv");
    /** A decimal as pandas prints it: at least one digit after the point, no trailing zeros beyond it. */
    static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)\\.(0|\\d*[1-9])");

    static final List<TelemetryField> MEASUREMENTS = TelemetryField.all().subList(2, 6);
    static final List<TelemetryField> FEATURES = TelemetryField.all().subList(7, 15);
    static final List<TelemetryField> THREE_DAY_DELTAS = List.of(
            TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_3D, TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_3D);
    static final List<TelemetryField> SEVEN_DAY_DELTAS = List.of(
            TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D, TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D);

    @TempDir
    static Path directory;

    static Dataset daily;
    static Dataset thriceDaily;

    record Dataset(String name, int patients, int days, int pingsPerDay, TelemetryCsv csv, TruthCsv truth) {

        static Dataset generate(String name, int patients, int days, int pingsPerDay) throws IOException {
            Path output = directory.resolve(name + ".csv");
            Path truthOutput = directory.resolve(name + "-truth.csv");
            CommandRun run = CommandRun.of(
                    "generate",
                    "--patients=" + patients,
                    "--days=" + days,
                    "--pings-per-day=" + pingsPerDay,
                    "--failure-rate=0.2",
                    "--seed=7",
                    "--end-time=" + END_TIME,
                    "--output=" + output,
                    "--truth-output=" + truthOutput);
            assertThat(run.exitCode()).as(run.err()).isZero();
            return new Dataset(
                    name, patients, days, pingsPerDay, TelemetryCsv.read(output), TruthCsv.read(truthOutput));
        }

        long readings() {
            return (long) days * pingsPerDay;
        }

        long interval() {
            return 86_400 / pingsPerDay;
        }

        /** The reading's index on the shared timeline. */
        long indexOf(TelemetryCsv.Row row) {
            return (row.timestamp() - csv.firstTimestamp()) / interval();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void generate() throws IOException {
        daily = Dataset.generate("daily", 200, 400, 1);
        thriceDaily = Dataset.generate("thrice-daily", 40, 150, 3);
    }

    static Stream<Dataset> datasets() {
        return Stream.of(daily, thriceDaily);
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void headerIsTheSharedColumnModel(Dataset data) {
        assertThat(data.csv().header()).isEqualTo(TelemetryField.csvHeader());
        assertThat(data.truth().header()).isEqualTo(TruthFile.HEADER);
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void rowsRunAlongOneTimelineByTimestampThenPatient(Dataset data) {
        List<TelemetryCsv.Row> rows = data.csv().rows();
        assertThat(data.csv().firstTimestamp()).isEqualTo(END_TIME - (data.readings() - 1) * data.interval());
        assertThat(rows.stream().mapToLong(TelemetryCsv.Row::timestamp).max()).hasValue(END_TIME);
        for (int i = 1; i < rows.size(); i++) {
            TelemetryCsv.Row previous = rows.get(i - 1);
            TelemetryCsv.Row row = rows.get(i);
            boolean sameTime = row.timestamp() == previous.timestamp();
            assertThat(sameTime ? row.patient() > previous.patient() : row.timestamp() > previous.timestamp())
                    .as("row %d after row %d", i + 1, i)
                    .isTrue();
            assertThat((row.timestamp() - data.csv().firstTimestamp()) % data.interval())
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void theFailingShareFailsAndIsExplantedAtItsFailure(Dataset data) {
        Map<Integer, TruthCsv.Entry> failures = data.truth().byPatient();
        assertThat(failures).hasSize((int) Math.floor(data.patients() * 0.2));
        long explanted = 0;
        for (TruthCsv.Entry failure : failures.values()) {
            explanted += (END_TIME + data.interval() - failure.failureTimestamp()) / data.interval();
        }
        assertThat((long) data.csv().rows().size()).isEqualTo(data.patients() * data.readings() - explanted);

        data.csv().byPatient().forEach((patient, rows) -> {
            TruthCsv.Entry failure = failures.get(patient);
            long last = rows.get(rows.size() - 1).timestamp();
            if (failure == null) {
                assertThat(rows).hasSize((int) data.readings());
            } else {
                assertThat(failure.failureTimestamp()).isEqualTo(last + data.interval());
                long position = data.indexOf(rows.get(rows.size() - 1)) + 1;
                assertThat(position)
                        .isBetween(100L * data.pingsPerDay(), data.readings() - 10L * data.pingsPerDay() - 1);
            }
        });
        assertThat(failures.values()).extracting(TruthCsv.Entry::type).isSubsetOf(failureTypeLabels());
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void exactlySevenDaysOfReadingsRightBeforeEachFailureAreLabelled(Dataset data) {
        int target = 7 * data.pingsPerDay();
        data.csv().byPatient().forEach((patient, rows) -> {
            TruthCsv.Entry failure = data.truth().byPatient().get(patient);
            List<Boolean> labels = rows.stream().map(TelemetryCsv.Row::labelled).toList();
            int expectedLabelled = failure == null ? 0 : target;
            List<Boolean> expected = IntStream.range(0, rows.size())
                    .mapToObj(i -> i >= rows.size() - expectedLabelled)
                    .toList();
            assertThat(labels).as("patient %d", patient).isEqualTo(expected);
            if (failure != null) {
                assertThat(rows.get(rows.size() - target).timestamp()).isEqualTo(failure.firstLabelTimestamp());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void numbersArePrintedTheWayTheOriginalPrintsThem(Dataset data) {
        assertFormatting(data.csv());
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void deltasAreEmptyExactlyWhereTheEarlierReadingIsMissing(Dataset data) {
        data.csv().byPatient().values().forEach(rows -> {
            for (int i = 0; i < rows.size(); i++) {
                assertThat(emptyCells(rows.get(i))).isEqualTo(expectedEmptyCells(i, data.pingsPerDay()));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void featuresEqualAnExactRecomputationFromTheRoundedValues(Dataset data) {
        int ppd = data.pingsPerDay();
        data.csv().byPatient().forEach((patient, rows) -> {
            List<BigDecimal> impedance = column(rows, LEAD_IMPEDANCE_OHMS);
            List<BigDecimal> threshold = column(rows, CAPTURE_THRESHOLD_V);
            for (int i = 0; i < rows.size(); i++) {
                TelemetryCsv.Row row = rows.get(i);
                List<String> expected = List.of(
                        mean(impedance, i, 3 * ppd),
                        mean(impedance, i, 7 * ppd),
                        mean(threshold, i, 3 * ppd),
                        mean(threshold, i, 7 * ppd),
                        deltaPerDay(impedance, i, 3, ppd),
                        deltaPerDay(impedance, i, 7, ppd),
                        deltaPerDay(threshold, i, 3, ppd),
                        deltaPerDay(threshold, i, 7, ppd));
                List<String> actual = FEATURES.stream()
                        .map(field -> row.cell(field).isEmpty()
                                ? ""
                                : new BigDecimal(row.cell(field))
                                        .stripTrailingZeros()
                                        .toPlainString())
                        .toList();
                assertThat(actual).as("patient %d reading %d", patient, i).isEqualTo(expected);
            }
        });
    }

    @Test
    void healthyReadingsFollowTheirDistributions() {
        Set<Integer> failing = daily.truth().byPatient().keySet();
        List<TelemetryCsv.Row> healthy = daily.csv().rows().stream()
                .filter(row -> !failing.contains(row.patient()))
                .toList();
        assertDistribution(healthy, LEAD_IMPEDANCE_OHMS, 500.0, 30.0);
        assertDistribution(healthy, CAPTURE_THRESHOLD_V, 0.70, 0.10);
        assertDistribution(healthy, TelemetryField.R_WAVE_SENSING_MV, 12.0, 1.5);
        assertDistribution(healthy, TelemetryField.BATTERY_VOLTAGE_V, 2.95, 0.05);
    }

    @Test
    void eachFailureDriftsItsMeasurementBeforeTheExplant() {
        Map<Integer, List<TelemetryCsv.Row>> byPatient = daily.csv().byPatient();
        for (TruthCsv.Entry failure : daily.truth().byPatient().values()) {
            FailureType type = FailureType.valueOf(failure.type().toUpperCase(Locale.ROOT));
            TelemetryField field = MEASUREMENTS.get(type.measurement().ordinal());
            List<TelemetryCsv.Row> rows = byPatient.get(failure.patient());
            double lastThreeMean = rows.subList(rows.size() - 3, rows.size()).stream()
                    .mapToDouble(row -> row.number(field))
                    .average()
                    .orElseThrow();
            // Before the 14-day window the patient is healthy.
            double beforeWindow = rows.get(rows.size() - 15).number(field);
            double healthyMean = type.measurement().healthyMean();
            double healthySd = type.measurement().healthyStandardDeviation();
            assertThat((lastThreeMean - healthyMean) / type.fullDrift())
                    .as("patient %d, %s", failure.patient(), type)
                    .isGreaterThan(0.5);
            assertThat(Math.abs(beforeWindow - healthyMean)).isLessThan(6 * healthySd);
        }
        assertThat(daily.truth().byPatient().values())
                .extracting(TruthCsv.Entry::type)
                .containsAll(failureTypeLabels());
    }

    /** The original's output and ours, same parameters: same shape, same empty cells, same number style. */
    @Test
    void matchesTheOriginalGeneratorsFileShape() throws IOException {
        TelemetryCsv original = TelemetryCsv.read(FIXTURE);
        Path output = directory.resolve("like-original.csv");
        CommandRun run = CommandRun.of(
                "generate",
                "--patients=30",
                "--days=150",
                "--failure-rate=0.2",
                "--end-time=" + END_TIME,
                "--output=" + output);
        assertThat(run.exitCode()).as(run.err()).isZero();
        TelemetryCsv ours = TelemetryCsv.read(output);

        assertThat(ours.header()).isEqualTo(original.header());
        assertThat(ours.firstTimestamp()).isEqualTo(original.firstTimestamp());
        for (TelemetryCsv csv : List.of(original, ours)) {
            assertFormatting(csv);
            Map<Integer, List<TelemetryCsv.Row>> byPatient = csv.byPatient();
            assertThat(byPatient.keySet()).containsExactlyInAnyOrderElementsOf(range(30));
            List<List<TelemetryCsv.Row>> failing = byPatient.values().stream()
                    .filter(rows -> rows.size() < 150)
                    .toList();
            assertThat(failing).hasSize(6);
            long explanted =
                    failing.stream().mapToLong(rows -> 150 - rows.size()).sum();
            assertThat((long) csv.rows().size()).isEqualTo(30 * 150 - explanted);
            assertThat(csv.rows().stream().filter(TelemetryCsv.Row::labelled)).hasSize(6 * 7);
            byPatient.values().forEach(rows -> {
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(emptyCells(rows.get(i))).isEqualTo(expectedEmptyCells(i, 1));
                }
            });
        }
    }

    static void assertFormatting(TelemetryCsv csv) {
        for (TelemetryCsv.Row row : csv.rows()) {
            assertThat(row.cells()).hasSize(TelemetryField.all().size());
            assertThat(row.cell(TelemetryField.PATIENT_ID)).matches("0|[1-9]\\d*");
            assertThat(row.cell(TelemetryField.TIMESTAMP)).matches("[1-9]\\d*");
            assertThat(row.cell(TelemetryField.TARGET_FAIL_NEXT_7D)).matches("[01]");
            for (TelemetryField field : MEASUREMENTS) {
                assertThat(row.cell(field)).matches(DECIMAL);
            }
            for (TelemetryField field : FEATURES) {
                assertThat(row.cell(field))
                        .matches(cell -> cell.isEmpty() || DECIMAL.matcher(cell).matches());
            }
        }
    }

    static Set<TelemetryField> emptyCells(TelemetryCsv.Row row) {
        Set<TelemetryField> empty = new HashSet<>();
        for (TelemetryField field : TelemetryField.all()) {
            if (row.cell(field).isEmpty()) {
                empty.add(field);
            }
        }
        return empty;
    }

    static Set<TelemetryField> expectedEmptyCells(int readingOfPatient, int pingsPerDay) {
        Set<TelemetryField> empty = new HashSet<>();
        if (readingOfPatient < 3 * pingsPerDay) {
            empty.addAll(THREE_DAY_DELTAS);
        }
        if (readingOfPatient < 7 * pingsPerDay) {
            empty.addAll(SEVEN_DAY_DELTAS);
        }
        return empty;
    }

    static List<BigDecimal> column(List<TelemetryCsv.Row> rows, TelemetryField field) {
        return rows.stream().map(row -> new BigDecimal(row.cell(field))).toList();
    }

    /** The trailing mean of up to `window` values ending at i, rounded half-even to 4 decimals. */
    static String mean(List<BigDecimal> values, int i, int window) {
        int from = Math.max(0, i - window + 1);
        BigDecimal sum = values.subList(from, i + 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return plain(sum.divide(BigDecimal.valueOf(i + 1 - from), 4, RoundingMode.HALF_EVEN));
    }

    static String deltaPerDay(List<BigDecimal> values, int i, int days, int pingsPerDay) {
        int back = days * pingsPerDay;
        if (i < back) {
            return "";
        }
        BigDecimal change = values.get(i).subtract(values.get(i - back));
        return plain(change.divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static void assertDistribution(
            List<TelemetryCsv.Row> rows, TelemetryField field, double mean, double standardDeviation) {
        double[] values = rows.stream().mapToDouble(row -> row.number(field)).toArray();
        double sampleMean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values)
                        .map(v -> (v - sampleMean) * (v - sampleMean))
                        .sum()
                / (values.length - 1);
        // About five standard errors at this sample size (64,000 readings).
        assertThat(sampleMean).as("%s mean", field).isCloseTo(mean, offset(0.02 * standardDeviation));
        assertThat(Math.sqrt(variance))
                .as("%s standard deviation", field)
                .isCloseTo(standardDeviation, offset(0.02 * standardDeviation));
    }

    static List<String> failureTypeLabels() {
        return Stream.of(FailureType.values()).map(FailureType::label).toList();
    }

    static List<Integer> range(int count) {
        return new ArrayList<>(IntStream.range(0, count).boxed().toList());
    }
}
