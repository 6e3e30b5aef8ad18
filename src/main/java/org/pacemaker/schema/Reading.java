package org.pacemaker.schema;

import com.fasterxml.jackson.annotation.JsonValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One stored reading: the fifteen columns keyed by {@link TelemetryField}, the timestamp in Unix
 * seconds, an absent optional column as null. In JSON it is an object with the ingest API's field
 * names, so a row reads back exactly as it was sent.
 */
public record Reading(Map<TelemetryField, Number> columns) {

    /** Its schema in the OpenAPI document, described there from {@link TelemetryField}. */
    public static final String OPENAPI_REF = "#/components/schemas/TelemetryReading";

    /**
     * The select list that {@link #of(ResultSet)} reads, for a table alias ({@code t}). The timestamp
     * leaves the database as Unix seconds, so no time zone is involved.
     */
    public static String selectList(String alias) {
        return TelemetryField.all().stream()
                .map(field -> field == TelemetryField.TIMESTAMP
                        ? "extract(epoch FROM " + alias + ".\"timestamp\")::bigint AS \"timestamp\""
                        : alias + "." + field.jsonName())
                .collect(Collectors.joining(", "));
    }

    public Reading {
        columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    }

    /** The current row of a result set selected with {@link #selectList(String)}. */
    public static Reading of(ResultSet row) throws SQLException {
        Map<TelemetryField, Number> columns = new EnumMap<>(TelemetryField.class);
        for (TelemetryField field : TelemetryField.all()) {
            String name = field.jsonName();
            Number value = switch (field.kind()) {
                case PATIENT_ID -> row.getInt(name);
                case UNIX_SECONDS -> row.getLong(name);
                case MEASUREMENT -> row.getDouble(name);
                case LABEL -> (Number) row.getObject(name, Integer.class);
                case FEATURE -> (Number) row.getObject(name, Double.class);
            };
            columns.put(field, value);
        }
        return new Reading(columns);
    }

    public int patientId() {
        return columns.get(TelemetryField.PATIENT_ID).intValue();
    }

    public long timestamp() {
        return columns.get(TelemetryField.TIMESTAMP).longValue();
    }

    /** The column's value, null when it is empty. */
    public Number get(TelemetryField field) {
        return columns.get(field);
    }

    /** As JSON: every field under its API name, in the generator's column order, null where empty. */
    @JsonValue
    public Map<String, Number> json() {
        Map<String, Number> json = new LinkedHashMap<>();
        for (TelemetryField field : TelemetryField.all()) {
            json.put(field.jsonName(), columns.get(field));
        }
        return json;
    }
}
