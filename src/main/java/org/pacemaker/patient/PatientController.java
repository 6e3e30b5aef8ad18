package org.pacemaker.patient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.pacemaker.alert.AlertRule;
import org.pacemaker.alert.AlertRules;
import org.pacemaker.alert.AlertSettings;
import org.pacemaker.schema.Reading;
import org.pacemaker.web.ApiException;
import org.pacemaker.web.InvalidParameterException;
import org.pacemaker.web.QueryParameters;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patients with their latest reading and current alerts, for any active user. */
@RestController
class PatientController {

    static final int DEFAULT_PATIENTS = 100;
    static final int MAX_PATIENTS = 10_000;
    static final int DEFAULT_SERIES = 1_000;
    static final int MAX_SERIES = 10_000;

    /**
     * @param total patients matching the filter
     * @param newestTimestamp the newest reading of any patient; silence is measured against it
     * @param limits the alert limits in force
     * @param patients this page
     */
    record PatientList(long total, Long newestTimestamp, AlertSettings limits, List<PatientSummary> patients) {}

    /**
     * @param series the patient's readings in the range, oldest first; the latest {@code limit} of them
     * @param seriesTruncated whether older readings in the range were left out
     */
    record PatientDetail(
            PatientSummary patient,
            AlertSettings limits,

            @ArraySchema(schema = @Schema(ref = Reading.OPENAPI_REF))
            List<Reading> series,

            boolean seriesTruncated) {}

    private final PatientRepository patients;
    private final AlertRules rules;

    PatientController(PatientRepository patients, AlertRules rules) {
        this.patients = patients;
        this.rules = rules;
    }

    @Operation(
            summary = "One row per patient: latest reading, last seen, readings stored, current alerts",
            description = "Sorted with alerts first by default. alert=any, none or a rule id filters.")
    @GetMapping("/api/v1/patients")
    PatientList list(
            @Parameter(description = "any, none, or a rule id such as battery_low") @RequestParam(required = false)
                    String alert,
            @Parameter(description = "alerts (default), patient_id, last_seen or readings; a leading - reverses")
                    @RequestParam(required = false, defaultValue = "alerts")
                    String sort,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        Predicate<PatientSummary> filter = alertFilter(alert);
        Comparator<PatientSummary> order = order(sort);
        int size = QueryParameters.limit("limit", limit, DEFAULT_PATIENTS, MAX_PATIENTS);
        if (offset != null && offset < 0) {
            throw new InvalidParameterException("offset", "must be 0 or more, got " + offset);
        }
        Long newest = patients.newestTimestamp();
        List<PatientSummary> matching = patients.all().stream()
                .map(stored -> summary(stored, newest))
                .filter(filter)
                .sorted(order)
                .toList();
        int from = Math.min(offset == null ? 0 : offset, matching.size());
        return new PatientList(
                matching.size(),
                newest,
                rules.limits(),
                matching.subList(from, Math.min(matching.size(), from + size)));
    }

    @Operation(summary = "One patient as in the list, with its readings over a range for charts")
    @GetMapping("/api/v1/patients/{id}")
    PatientDetail one(
            @PathVariable int id,
            @Parameter(description = "Unix seconds or ISO 8601; inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "Unix seconds or ISO 8601; exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "the most readings in the series (the latest ones)")
                    @RequestParam(required = false)
                    Integer limit) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        QueryParameters.requireOrdered("from", start, "to", end);
        int size = QueryParameters.limit("limit", limit, DEFAULT_SERIES, MAX_SERIES);
        PatientRepository.Stored stored = patients.one(id)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Patient " + id + " has no readings"));
        List<Reading> series = patients.series(id, start, end, size + 1);
        boolean truncated = series.size() > size;
        if (truncated) {
            series = series.subList(1, series.size());
        }
        return new PatientDetail(summary(stored, patients.newestTimestamp()), rules.limits(), series, truncated);
    }

    private PatientSummary summary(PatientRepository.Stored stored, Long newest) {
        Reading latest = stored.latest();
        long newestOfAll = newest == null ? latest.timestamp() : newest;
        return new PatientSummary(
                latest.patientId(),
                latest.timestamp(),
                stored.readingCount(),
                rules.current(latest, newestOfAll),
                latest);
    }

    private static Predicate<PatientSummary> alertFilter(String alert) {
        if (alert == null || alert.isBlank()) {
            return patient -> true;
        }
        String wanted = alert.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("any")) {
            return patient -> !patient.alerts().isEmpty();
        }
        if (wanted.equals("none")) {
            return patient -> patient.alerts().isEmpty();
        }
        if (AlertRule.byId(wanted) == null) {
            throw new InvalidParameterException(
                    "alert", "must be any, none or one of " + ruleIds() + ", got '" + alert + "'");
        }
        return patient -> patient.alerts().stream().anyMatch(a -> a.rule().equals(wanted));
    }

    private static String ruleIds() {
        return String.join(
                ", ",
                java.util.Arrays.stream(AlertRule.values()).map(AlertRule::id).toList());
    }

    private static Comparator<PatientSummary> order(String sort) {
        String key = sort.strip().toLowerCase(Locale.ROOT);
        boolean reversed = key.startsWith("-");
        if (reversed) {
            key = key.substring(1);
        }
        Comparator<PatientSummary> byId = Comparator.comparingInt(PatientSummary::patientId);
        Comparator<PatientSummary> order = switch (key) {
            case "alerts" ->
                Comparator.<PatientSummary>comparingInt(p -> -p.alerts().size()).thenComparing(byId);
            case "patient_id" -> byId;
            case "last_seen" ->
                Comparator.comparingLong(PatientSummary::lastTimestamp).thenComparing(byId);
            case "readings" ->
                Comparator.comparingLong(PatientSummary::readingCount).thenComparing(byId);
            default ->
                throw new InvalidParameterException(
                        "sort",
                        "must be alerts, patient_id, last_seen or readings, optionally with a leading -," + " got '"
                                + sort + "'");
        };
        return reversed ? order.reversed() : order;
    }
}
