package org.pacemaker.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pacemaker.schema.Reading;
import org.pacemaker.schema.TelemetryField;

/**
 * Scores the alert rules against a generated dataset and its truth file: runs every reading through
 * {@link AlertRules} in time order, as the readings would arrive, and compares each patient's first
 * alert per rule with its failure.
 */
final class AlertScore {

    /** The generator's degradation window: drift starts this many days before the failure. */
    static final int DRIFT_DAYS = 14;

    static final int LABEL_DAYS = 7;

    /** A failing patient from the truth file. */
    record Failure(int patientId, String type, long failureTimestamp) {}

    /** One rule's figures. */
    record RuleScore(
            String rule,
            int failing,
            int caughtBeforeFailure,
            int caughtByLabel,
            Map<String, Integer> caughtByType,
            List<Double> leadDays,
            int firedBeforeDrift,
            int healthy,
            int healthyFlagged) {

        double medianLeadDays() {
            List<Double> sorted = leadDays.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }

    record Result(long rows, int patients, Map<String, Integer> failingByType, List<RuleScore> rules) {}

    private static final String ANY = "any rule";

    private AlertScore() {}

    private static CSVParser openWithHeader(Path file) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    static Map<Integer, Failure> readTruth(Path truth) throws IOException {
        Map<Integer, Failure> failures = new HashMap<>();
        try (CSVParser parser = openWithHeader(truth)) {
            for (CSVRecord record : parser) {
                int patient = Integer.parseInt(record.get("Patient_ID"));
                failures.put(
                        patient,
                        new Failure(
                                patient, record.get("Failure_Type"), Long.parseLong(record.get("Failure_Timestamp"))));
            }
        }
        return failures;
    }

    static Result score(Path csv, Map<Integer, Failure> failures, AlertRules rules) throws IOException {
        // first firing per patient and rule; the newest reading per patient for silence
        Map<Integer, Map<String, Long>> firstFiring = new HashMap<>();
        Map<Integer, Map<String, Long>> firstFiringBeforeDrift = new HashMap<>();
        Map<Integer, Reading> latest = new HashMap<>();
        long rows = 0;
        long newest = Long.MIN_VALUE;
        try (CSVParser parser = openWithHeader(csv)) {
            Map<TelemetryField, Integer> columns = new EnumMap<>(TelemetryField.class);
            List<String> header = parser.getHeaderNames();
            for (int i = 0; i < header.size(); i++) {
                TelemetryField field = TelemetryField.byAnyName(header.get(i));
                if (field != null) {
                    columns.put(field, i);
                }
            }
            for (TelemetryField field : TelemetryField.required()) {
                if (!columns.containsKey(field)) {
                    throw new IllegalArgumentException(csv + " has no column " + field.csvName());
                }
            }
            for (CSVRecord record : parser) {
                Reading reading = reading(record, columns);
                rows++;
                newest = Math.max(newest, reading.timestamp());
                // a gap in one device's readings; silence at the end of the file is checked below
                Reading previous = latest.put(reading.patientId(), reading);
                if (previous != null) {
                    long gap = reading.timestamp() - previous.timestamp();
                    if (gap >= rules.limits().silentDays() * AlertRules.DAY_SECONDS) {
                        record(
                                firstFiring,
                                firstFiringBeforeDrift,
                                failures,
                                previous.patientId(),
                                AlertRule.NO_RECENT_DATA.id(),
                                previous.timestamp() + rules.limits().silentDays() * AlertRules.DAY_SECONDS);
                    }
                }
                for (Alert alert : rules.check(reading)) {
                    record(
                            firstFiring,
                            firstFiringBeforeDrift,
                            failures,
                            reading.patientId(),
                            alert.rule(),
                            reading.timestamp());
                }
            }
        }
        for (Reading last : latest.values()) {
            Alert silence = rules.silence(last, newest);
            if (silence != null) {
                record(
                        firstFiring,
                        firstFiringBeforeDrift,
                        failures,
                        last.patientId(),
                        silence.rule(),
                        last.timestamp() + rules.limits().silentDays() * AlertRules.DAY_SECONDS);
            }
        }
        Map<String, Integer> failingByType = new TreeMap<>();
        failures.values().forEach(f -> failingByType.merge(f.type(), 1, Integer::sum));
        List<RuleScore> scores = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            ruleIds.add(rule.id());
        }
        ruleIds.add(ANY);
        int patients = latest.size();
        for (String rule : ruleIds) {
            scores.add(scoreOf(rule, latest.keySet(), failures, firstFiring, firstFiringBeforeDrift));
        }
        return new Result(rows, patients, failingByType, scores);
    }

    private static void record(
            Map<Integer, Map<String, Long>> firstFiring,
            Map<Integer, Map<String, Long>> firstFiringBeforeDrift,
            Map<Integer, Failure> failures,
            int patient,
            String rule,
            long at) {
        Failure failure = failures.get(patient);
        boolean beforeDrift = failure != null && at < failure.failureTimestamp() - DRIFT_DAYS * AlertRules.DAY_SECONDS;
        Map<Integer, Map<String, Long>> target = beforeDrift ? firstFiringBeforeDrift : firstFiring;
        Map<String, Long> byRule = target.computeIfAbsent(patient, p -> new HashMap<>());
        byRule.merge(rule, at, Math::min);
        byRule.merge(ANY, at, Math::min);
    }

    private static RuleScore scoreOf(
            String rule,
            java.util.Set<Integer> patients,
            Map<Integer, Failure> failures,
            Map<Integer, Map<String, Long>> firstFiring,
            Map<Integer, Map<String, Long>> firstFiringBeforeDrift) {
        int failing = 0;
        int caught = 0;
        int byLabel = 0;
        int beforeDrift = 0;
        int healthy = 0;
        int healthyFlagged = 0;
        Map<String, Integer> byType = new TreeMap<>();
        List<Double> leadDays = new ArrayList<>();
        for (int patient : patients) {
            Failure failure = failures.get(patient);
            Long fired = firstFiring.getOrDefault(patient, Map.of()).get(rule);
            if (failure == null) {
                healthy++;
                if (fired != null) {
                    healthyFlagged++;
                }
                continue;
            }
            failing++;
            if (firstFiringBeforeDrift.getOrDefault(patient, Map.of()).containsKey(rule)) {
                beforeDrift++;
            }
            if (fired == null) {
                continue;
            }
            double lead = (failure.failureTimestamp() - fired) / (double) AlertRules.DAY_SECONDS;
            leadDays.add(lead);
            if (lead > 0) {
                caught++;
                byType.merge(failure.type(), 1, Integer::sum);
            }
            if (lead >= LABEL_DAYS) {
                byLabel++;
            }
        }
        return new RuleScore(rule, failing, caught, byLabel, byType, leadDays, beforeDrift, healthy, healthyFlagged);
    }

    private static Reading reading(CSVRecord record, Map<TelemetryField, Integer> columns) {
        Map<TelemetryField, Number> values = new EnumMap<>(TelemetryField.class);
        for (Map.Entry<TelemetryField, Integer> column : columns.entrySet()) {
            String cell = record.get(column.getValue());
            if (cell.isEmpty()) {
                continue;
            }
            TelemetryField field = column.getKey();
            values.put(
                    field,
                    switch (field.kind()) {
                        case PATIENT_ID, LABEL -> Integer.parseInt(cell);
                        case UNIX_SECONDS -> Long.parseLong(cell);
                        case MEASUREMENT, FEATURE -> Double.parseDouble(cell);
                    });
        }
        return new Reading(values);
    }

    /** The figures as the Markdown tables of docs/alerts.md. */
    static String markdown(Result result, AlertSettings limits) {
        StringBuilder out = new StringBuilder();
        int failing = result.failingByType().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        out.append(String.format(
                Locale.ROOT,
                "%d rows, %d patients: %d failing (%s), %d healthy.%n%n",
                result.rows(),
                result.patients(),
                failing,
                result.failingByType().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("none"),
                result.patients() - failing));
        out.append("| Rule | Failing devices caught before failure | of them 7+ days before"
                + " | Median days before failure | Failing devices flagged before their drift began"
                + " | Healthy devices flagged |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (RuleScore score : result.rules()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d of %d | %d | %s | %d | %d of %d |%n",
                    score.rule().equals(ANY) ? "**any rule**" : "`" + score.rule() + "`",
                    score.caughtBeforeFailure(),
                    score.failing(),
                    score.caughtByLabel(),
                    score.leadDays().isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", score.medianLeadDays()),
                    score.firedBeforeDrift(),
                    score.healthyFlagged(),
                    score.healthy()));
        }
        out.append("\nCaught before failure, by failure type:\n\n| Rule |");
        result.failingByType()
                .forEach((type, count) ->
                        out.append(" ").append(type).append(" (").append(count).append(") |"));
        out.append("\n| --- |");
        result.failingByType().forEach((type, count) -> out.append(" ---: |"));
        out.append('\n');
        for (RuleScore score : result.rules()) {
            out.append("| ")
                    .append(score.rule().equals(ANY) ? "**any rule**" : "`" + score.rule() + "`")
                    .append(" |");
            result.failingByType()
                    .keySet()
                    .forEach(type -> out.append(" ")
                            .append(score.caughtByType().getOrDefault(type, 0))
                            .append(" |"));
            out.append('\n');
        }
        out.append(String.format(
                Locale.ROOT,
                "%nLimits: lead impedance %s to %s ohm, capture threshold above %s V, R-wave below %s mV,"
                        + " battery below %s V, 7-day lead impedance trend beyond +/-%s ohm/day, 7-day capture"
                        + " threshold trend above %s V/day, silent for %d days.%n",
                limits.leadImpedanceMinOhms(),
                limits.leadImpedanceMaxOhms(),
                limits.captureThresholdMaxV(),
                limits.rWaveMinMv(),
                limits.batteryMinV(),
                limits.leadImpedanceTrendOhmsPerDay(),
                limits.captureThresholdTrendVPerDay(),
                limits.silentDays()));
        return out.toString();
    }
}
