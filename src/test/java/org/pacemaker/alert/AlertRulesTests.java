package org.pacemaker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pacemaker.schema.Reading;
import org.pacemaker.schema.TelemetryField;

class AlertRulesTests {

    private static final long T = 1_767_225_600L;
    private final AlertRules rules = new AlertRules(AlertSettings.DEFAULTS);

    private static Reading reading(TelemetryField field, Number value) {
        Map<TelemetryField, Number> columns = new EnumMap<>(TelemetryField.class);
        columns.put(TelemetryField.PATIENT_ID, 7);
        columns.put(TelemetryField.TIMESTAMP, T);
        columns.put(TelemetryField.LEAD_IMPEDANCE_OHMS, 500.0);
        columns.put(TelemetryField.CAPTURE_THRESHOLD_V, 0.7);
        columns.put(TelemetryField.R_WAVE_SENSING_MV, 12.0);
        columns.put(TelemetryField.BATTERY_VOLTAGE_V, 2.95);
        columns.put(field, value);
        return new Reading(columns);
    }

    private List<String> fired(TelemetryField field, Number value) {
        return rules.check(reading(field, value)).stream().map(Alert::rule).toList();
    }

    @Test
    void aHealthyReadingRaisesNothing() {
        assertThat(rules.check(reading(TelemetryField.TIMESTAMP, T))).isEmpty();
    }

    @Test
    void eachLimitFiresOnlyBeyondIt() {
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS, 199.99)).containsExactly("lead_impedance_low");
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS, 200.0)).isEmpty();
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS, 2000.0)).isEmpty();
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS, 2000.01)).containsExactly("lead_impedance_high");
        assertThat(fired(TelemetryField.CAPTURE_THRESHOLD_V, 2.51)).containsExactly("capture_threshold_high");
        assertThat(fired(TelemetryField.CAPTURE_THRESHOLD_V, 2.5)).isEmpty();
        assertThat(fired(TelemetryField.R_WAVE_SENSING_MV, 4.99)).containsExactly("r_wave_low");
        assertThat(fired(TelemetryField.R_WAVE_SENSING_MV, 5.0)).isEmpty();
        assertThat(fired(TelemetryField.BATTERY_VOLTAGE_V, 2.59)).containsExactly("battery_low");
        assertThat(fired(TelemetryField.BATTERY_VOLTAGE_V, 2.6)).isEmpty();
    }

    @Test
    void trendsComeFromTheStoredSevenDayDeltasAndImpedanceCountsBothWays() {
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D, 41.0))
                .containsExactly("lead_impedance_trend");
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D, -41.0))
                .containsExactly("lead_impedance_trend");
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_7D, 39.0))
                .isEmpty();
        assertThat(fired(TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D, 0.11))
                .containsExactly("capture_threshold_trend");
        assertThat(fired(TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D, -0.5))
                .isEmpty();
        // a reading without the feature (the first days of a device) has no trend
        assertThat(fired(TelemetryField.LEAD_IMPEDANCE_OHMS_DELTA_PER_DAY_3D, 999.0))
                .isEmpty();
    }

    @Test
    void anAlertNamesTheReadingTheValueAndTheLimit() {
        Alert alert =
                rules.check(reading(TelemetryField.BATTERY_VOLTAGE_V, 2.41)).get(0);

        assertThat(alert.patientId()).isEqualTo(7);
        assertThat(alert.readingTimestamp()).isEqualTo(T);
        assertThat(alert.field()).isEqualTo("battery_voltage_v");
        assertThat(alert.value()).isEqualTo(2.41);
        assertThat(alert.limit()).isEqualTo(2.6);
        assertThat(alert.message())
                .isEqualTo("Battery voltage below the minimum: battery_voltage_v = 2.41 V, below the limit 2.6");
    }

    @Test
    void silenceFiresAfterTheConfiguredDaysBehindTheNewestReadingOfAnyDevice() {
        Reading last = reading(TelemetryField.TIMESTAMP, T);

        assertThat(rules.silence(last, T + 3 * 86_400 - 1)).isNull();
        Alert silence = rules.silence(last, T + 3 * 86_400);

        assertThat(silence.rule()).isEqualTo("no_recent_data");
        assertThat(silence.value()).isEqualTo(3.0);
        assertThat(silence.readingTimestamp()).isEqualTo(T);
        assertThat(rules.current(last, T + 5 * 86_400)).extracting(Alert::rule).containsExactly("no_recent_data");
    }
}
