package org.pacemaker.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pacemaker.schema.Reading;
import org.springframework.stereotype.Component;

/**
 * Checks readings against the configured limits. The same code decides the alerts the API shows and
 * the ones {@code pacemaker score-alerts} scores against the generator's truth file.
 */
@Component
public class AlertRules {

    static final long DAY_SECONDS = 86_400L;

    private final AlertSettings limits;

    public AlertRules(AlertSettings limits) {
        this.limits = limits;
    }

    public AlertSettings limits() {
        return limits;
    }

    /** The alerts of one reading on its own: the absolute limits and the trends of its stored features. */
    public List<Alert> check(Reading reading) {
        List<Alert> alerts = new ArrayList<>(2);
        below(alerts, reading, AlertRule.LEAD_IMPEDANCE_LOW, limits.leadImpedanceMinOhms(), "ohm");
        above(alerts, reading, AlertRule.LEAD_IMPEDANCE_HIGH, limits.leadImpedanceMaxOhms(), "ohm");
        above(alerts, reading, AlertRule.CAPTURE_THRESHOLD_HIGH, limits.captureThresholdMaxV(), "V");
        below(alerts, reading, AlertRule.R_WAVE_LOW, limits.rWaveMinMv(), "mV");
        below(alerts, reading, AlertRule.BATTERY_LOW, limits.batteryMinV(), "V");
        Number impedanceTrend = reading.get(AlertRule.LEAD_IMPEDANCE_TREND.field());
        double impedanceLimit = limits.leadImpedanceTrendOhmsPerDay();
        if (impedanceTrend != null && Math.abs(impedanceTrend.doubleValue()) > impedanceLimit) {
            alerts.add(alert(
                    reading,
                    AlertRule.LEAD_IMPEDANCE_TREND,
                    impedanceTrend.doubleValue(),
                    impedanceLimit,
                    "ohm/day",
                    "beyond +/-"));
        }
        above(alerts, reading, AlertRule.CAPTURE_THRESHOLD_TREND, limits.captureThresholdTrendVPerDay(), "V/day");
        return alerts;
    }

    /**
     * The connectivity alert of a device whose latest reading is {@code latest}, when the newest reading
     * of any device is at {@code newestOfAll}; null while it reports.
     */
    public Alert silence(Reading latest, long newestOfAll) {
        long silentSeconds = newestOfAll - latest.timestamp();
        if (silentSeconds < limits.silentDays() * DAY_SECONDS) {
            return null;
        }
        double days = silentSeconds / (double) DAY_SECONDS;
        return new Alert(
                AlertRule.NO_RECENT_DATA.id(),
                String.format(
                        Locale.ROOT,
                        "%s: %.1f days without a reading while other devices report (limit %d days)",
                        AlertRule.NO_RECENT_DATA.title(),
                        days,
                        limits.silentDays()),
                AlertRule.NO_RECENT_DATA.field().jsonName(),
                days,
                limits.silentDays(),
                latest.patientId(),
                latest.timestamp());
    }

    /** What a patient raises now: its latest reading's alerts, and silence. */
    public List<Alert> current(Reading latest, long newestOfAll) {
        List<Alert> alerts = check(latest);
        Alert silence = silence(latest, newestOfAll);
        if (silence != null) {
            alerts.add(silence);
        }
        return alerts;
    }

    private static void below(List<Alert> alerts, Reading reading, AlertRule rule, double limit, String unit) {
        Number value = reading.get(rule.field());
        if (value != null && value.doubleValue() < limit) {
            alerts.add(alert(reading, rule, value.doubleValue(), limit, unit, "below"));
        }
    }

    private static void above(List<Alert> alerts, Reading reading, AlertRule rule, double limit, String unit) {
        Number value = reading.get(rule.field());
        if (value != null && value.doubleValue() > limit) {
            alerts.add(alert(reading, rule, value.doubleValue(), limit, unit, "above"));
        }
    }

    /** "Battery voltage below the minimum: battery_voltage_v = 2.41 V, below the limit 2.6" */
    private static Alert alert(
            Reading reading, AlertRule rule, double value, double limit, String unit, String relation) {
        String message = "%s: %s = %s %s, %s the limit %s"
                .formatted(rule.title(), rule.field().jsonName(), plain(value), unit, relation, plain(limit));
        return new Alert(
                rule.id(), message, rule.field().jsonName(), value, limit, reading.patientId(), reading.timestamp());
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
