package org.pacemaker.alert;

import java.util.Locale;
import org.pacemaker.schema.TelemetryField;

/** What an alert is about; {@link #id()} is its name in the API, for example {@code battery_low}. */
public enum AlertRule {
    LEAD_IMPEDANCE_LOW(TelemetryField.LEAD_IMPEDANCE_OHMS, "Lead impedance below the minimum"),
    LEAD_IMPEDANCE_HIGH(TelemetryField.LEAD_IMPEDANCE_OHMS, "Lead impedance above the maximum"),
    CAPTURE_THRESHOLD_HIGH(TelemetryField.CAPTURE_THRESHOLD_V, "Capture threshold above the maximum"),
    R_WAVE_LOW(TelemetryField.R_WAVE_SENSING_MV, "R-wave amplitude below the minimum"),
    BATTERY_LOW(TelemetryField.BATTERY_VOLTAGE_V, "Battery voltage below the minimum"),
    LEAD_IMPEDANCE_TREND(
            TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D, "Lead impedance changing fast over 7 days"),
    CAPTURE_THRESHOLD_TREND(
            TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D, "Capture threshold rising fast over 7 days"),
    NO_RECENT_DATA(TelemetryField.TIMESTAMP, "No reading for days while other devices report");

    private final TelemetryField field;
    private final String title;

    AlertRule(TelemetryField field, String title) {
        this.field = field;
        this.title = title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column the rule looks at. */
    public TelemetryField field() {
        return field;
    }

    public String title() {
        return title;
    }

    /** The rule with this id, or null. */
    public static AlertRule byId(String id) {
        for (AlertRule rule : values()) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
