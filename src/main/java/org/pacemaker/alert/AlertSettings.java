package org.pacemaker.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert limits; the defaults (application.properties) follow common remote-monitoring practice for the
 * absolute limits, and were scored against generated failures for the trend limits (docs/alerts.md).
 *
 * @param leadImpedanceMinOhms lead impedance below this: possible insulation breach
 * @param leadImpedanceMaxOhms lead impedance above this: possible lead fracture
 * @param captureThresholdMaxV capture threshold above this: risk of loss of capture
 * @param rWaveMinMv R-wave amplitude below this: risk of undersensing
 * @param batteryMinV battery voltage below this: elective replacement
 * @param leadImpedanceTrendOhmsPerDay the stored 7-day lead impedance delta per day beyond this, up or down
 * @param captureThresholdTrendVPerDay the stored 7-day capture threshold delta per day above this
 * @param silentDays a device whose latest reading is this many days older than the latest of any device
 */
@ConfigurationProperties("pacemaker.alerts")
public record AlertSettings(
        double leadImpedanceMinOhms,
        double leadImpedanceMaxOhms,
        double captureThresholdMaxV,
        double rWaveMinMv,
        double batteryMinV,
        double leadImpedanceTrendOhmsPerDay,
        double captureThresholdTrendVPerDay,
        int silentDays) {

    /** The defaults of application.properties, for the commands that run without the service. */
    public static final AlertSettings DEFAULTS = new AlertSettings(200, 2000, 2.5, 5.0, 2.6, 40, 0.1, 3);

    public AlertSettings {
        if (leadImpedanceMinOhms >= leadImpedanceMaxOhms) {
            throw new IllegalArgumentException("the lead impedance minimum must be below its maximum, got "
                    + leadImpedanceMinOhms + " and " + leadImpedanceMaxOhms);
        }
        if (leadImpedanceTrendOhmsPerDay <= 0 || captureThresholdTrendVPerDay <= 0 || silentDays < 1) {
            throw new IllegalArgumentException("trend limits and the silent days must be positive");
        }
    }
}
