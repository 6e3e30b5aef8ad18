package org.pacemaker.generator;

import java.io.IOException;
import org.pacemaker.schema.TelemetryField;

/**
 * Streams the synthetic telemetry along the shared timeline, one timestamp at a time and patients in
 * id order, which is the file's sort order. Memory is the per-patient feature windows, whatever the
 * number of days.
 */
final class TelemetryGenerator {

    private static final int MEASUREMENT_DECIMALS = 2;
    private static final Measurement[] MEASUREMENTS = Measurement.values();

    private final GeneratorSettings settings;

    TelemetryGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Writes the header and every row; the same settings always give the same bytes. */
    GenerationResult writeTo(CsvRowWriter out, Progress progress) throws IOException {
        RandomSource random = new RandomSource(settings.seed());
        FailurePlan plan = FailurePlan.draw(settings, random);
        TrailingFeatures[] features = new TrailingFeatures[settings.patients()];
        for (int patient = 0; patient < features.length; patient++) {
            features[patient] = new TrailingFeatures(settings.pingsPerDay());
        }
        int degradationReadings = settings.readingsIn(Failure.DEGRADATION_DAYS);
        int targetReadings = settings.readingsIn(Failure.TARGET_DAYS);
        double[] values = new double[MEASUREMENTS.length];
        long[] hundredths = new long[MEASUREMENTS.length];
        long readings = settings.readingsPerPatient();
        long rows = 0;

        out.line(TelemetryField.csvHeader());
        for (long reading = 0; reading < readings; reading++) {
            long timestamp = settings.timestampOf(reading);
            for (int patient = 0; patient < features.length; patient++) {
                Failure failure = plan.of(patient);
                long readingsBeforeFailure = failure == null ? Long.MAX_VALUE : failure.position() - reading;
                if (readingsBeforeFailure <= 0) {
                    continue; // explanted
                }
                for (Measurement measurement : MEASUREMENTS) {
                    values[measurement.ordinal()] =
                            random.nextGaussian(measurement.healthyMean(), measurement.healthyStandardDeviation());
                }
                if (readingsBeforeFailure <= degradationReadings) {
                    // Linear from no drift at the window's first reading to the full drift at its last.
                    FailureType type = failure.type();
                    long step = degradationReadings - readingsBeforeFailure;
                    double drift = step * (type.fullDrift() / (degradationReadings - 1));
                    values[type.measurement().ordinal()] +=
                            drift + random.nextGaussian(0, type.noiseStandardDeviation());
                }

                out.integer(patient);
                out.integer(timestamp);
                for (int i = 0; i < values.length; i++) {
                    hundredths[i] = Decimals.scaled(values[i], MEASUREMENT_DECIMALS);
                    out.decimal(hundredths[i], MEASUREMENT_DECIMALS);
                }
                out.integer(readingsBeforeFailure <= targetReadings ? 1 : 0);
                features[patient].add(hundredths);
                features[patient].writeTo(out);
                out.endRow();
                rows++;
            }
            progress.advanced(reading + 1, readings);
        }
        return new GenerationResult(rows, plan.failures());
    }
}
