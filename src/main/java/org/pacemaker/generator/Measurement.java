package org.pacemaker.generator;

/** The four device measurements and their healthy distributions (independent normal draws). */
enum Measurement {
    LEAD_IMPEDANCE(500.0, 30.0),
    CAPTURE_THRESHOLD(0.70, 0.10),
    R_WAVE_SENSING(12.0, 1.5),
    BATTERY_VOLTAGE(2.95, 0.05);

    private final double healthyMean;
    private final double healthyStandardDeviation;

    Measurement(double healthyMean, double healthyStandardDeviation) {
        this.healthyMean = healthyMean;
        this.healthyStandardDeviation = healthyStandardDeviation;
    }

    double healthyMean() {
        return healthyMean;
    }

    double healthyStandardDeviation() {
        return healthyStandardDeviation;
    }
}
