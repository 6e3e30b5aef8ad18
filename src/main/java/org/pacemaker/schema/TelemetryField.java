package org.pacemaker.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fifteen telemetry columns, in the generator's CSV order. One list serves the generator (CSV
 * header), the replay client (CSV to JSON mapping), the ingest service (JSON names) and the database
 * (column names equal the JSON names).
 */
public enum TelemetryField {
    PATIENT_ID("Patient_ID", Kind.PATIENT_ID),
    TIMESTAMP("Timestamp", Kind.UNIX_SECONDS),
    LEAD_IMPEDANCE_OHMS("Lead_Impedance_Ohms", Kind.MEASUREMENT),
    CAPTURE_THRESHOLD_V("Capture_Threshold_V", Kind.MEASUREMENT),
    R_WAVE_SENSING_MV("R_Wave_Sensing_mV", Kind.MEASUREMENT),
    BATTERY_VOLTAGE_V("Battery_Voltage_V", Kind.MEASUREMENT),
    TARGET_FAIL_NEXT_7D("Target_Fail_Next_7d", Kind.LABEL),
    LEAD_IMPEDANCE_OHMS_ROLLING_MEAN_3D("Lead_Impedance_Ohms_RollingMean_3d", Kind.FEATURE),
    LEAD_IMPEDANCE_OHMS_ROLLING_MEAN_7D("Lead_Impedance_Ohms_RollingMean_7d", Kind.FEATURE),
    CAPTURE_THRESHOLD_V_ROLLING_MEAN_3D("Capture_Threshold_V_RollingMean_3d", Kind.FEATURE),
    CAPTURE_THRESHOLD_V_ROLLING_MEAN_7D("Capture_Threshold_V_RollingMean_7d", Kind.FEATURE),
    LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_3D("Lead_Impedance_Ohms_DeltaPerDay_3d", Kind.FEATURE),
    LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D("Lead_Impedance_Ohms_DeltaPerDay_7d", Kind.FEATURE),
    CAPTURE_THRESHOLD_V_DELTA_PER_DAY_3D("Capture_Threshold_V_DeltaPerDay_3d", Kind.FEATURE),
    CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D("Capture_Threshold_V_DeltaPerDay_7d", Kind.FEATURE);

    /** What a column holds; decides its JSON validation and its SQL type. */
    public enum Kind {
        /** Required integer from 0 to 2^31-1. */
        PATIENT_ID,
        /** Required whole Unix seconds (UTC). */
        UNIX_SECONDS,
        /** Required finite number. */
        MEASUREMENT,
        /** Optional 0 or 1. */
        LABEL,
        /** Optional finite number. */
        FEATURE;

        public boolean required() {
            return this == PATIENT_ID || this == UNIX_SECONDS || this == MEASUREMENT;
        }
    }

    /** The largest timestamp accepted: 9999-12-31T23:59:59Z, the end of what PostgreSQL prints plainly. */
    public static final long MAX_UNIX_SECONDS = 253_402_300_799L;

    private static final List<TelemetryField> ALL = List.of(values());
    private static final Map<String, TelemetryField> BY_NAME = ALL.stream()
            .flatMap(field -> List.of(Map.entry(field.csvName, field), Map.entry(field.jsonName, field)).stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final Map<String, TelemetryField> BY_JSON_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TelemetryField::jsonName, Function.identity()));

    private final String csvName;
    private final String jsonName;
    private final Kind kind;

    TelemetryField(String csvName, Kind kind) {
        this.csvName = csvName;
        this.jsonName = name().toLowerCase(java.util.Locale.ROOT);
        this.kind = kind;
    }

    /** The generator's column name, for example {@code Patient_ID}. */
    public String csvName() {
        return csvName;
    }

    /** The API's field name and the database column, for example {@code patient_id}. */
    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public static List<TelemetryField> all() {
        return ALL;
    }

    public static List<TelemetryField> required() {
        return Arrays.stream(values()).filter(f -> f.kind.required()).toList();
    }

    /** The field with this JSON name, or null. */
    public static TelemetryField byJsonName(String name) {
        return BY_JSON_NAME.get(name);
    }

    /** The field with this CSV (generator) or snake_case name, or null. */
    public static TelemetryField byAnyName(String name) {
        return BY_NAME.get(name);
    }

    /** The generator's CSV header line, without line end. */
    public static String csvHeader() {
        return ALL.stream().map(TelemetryField::csvName).collect(Collectors.joining(","));
    }
}
