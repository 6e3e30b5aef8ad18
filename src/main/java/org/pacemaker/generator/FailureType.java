package org.pacemaker.generator;

/**
 * How a device fails: the measurement that drifts before the failure, the full drift reached at the
 * last reading, and the standard deviation of the extra noise on the drifting readings.
 */
enum FailureType {
    LEAD_FRACTURE("lead_fracture", Measurement.LEAD_IMPEDANCE, 2000.0, 50.0),
    BATTERY_DEPLETION("battery_depletion", Measurement.BATTERY_VOLTAGE, -0.55, 0.02),
    LOSS_OF_CAPTURE("loss_of_capture", Measurement.CAPTURE_THRESHOLD, 2.0, 0.1),
    UNDERSENSING("undersensing", Measurement.R_WAVE_SENSING, -8.5, 0.4);

    private final String label;
    private final Measurement measurement;
    private final double fullDrift;
    private final double noiseStandardDeviation;

    FailureType(String label, Measurement measurement, double fullDrift, double noiseStandardDeviation) {
        this.label = label;
        this.measurement = measurement;
        this.fullDrift = fullDrift;
        this.noiseStandardDeviation = noiseStandardDeviation;
    }

    /** The name in the summary and the truth file, for example {@code lead_fracture}. */
    String label() {
        return label;
    }

    Measurement measurement() {
        return measurement;
    }

    double fullDrift() {
        return fullDrift;
    }

    double noiseStandardDeviation() {
        return noiseStandardDeviation;
    }
}
