package org.pacemaker.telemetry;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of an ingest request, as documented in the OpenAPI description. Requests are read by
 * {@link TelemetryBatchParser}, not bound to this record.
 */
@Schema(description = "One daily reading of one pacemaker; unknown fields are ignored")
record TelemetryReading(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", example = "17")
        int patientId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Unix seconds, UTC",
                minimum = "0",
                example = "1700000000")
        long timestamp,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "514.9")
        double leadImpedanceOhms,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.6")
        double captureThresholdV,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "13.15")
        double rWaveSensingMv,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2.97")
        double batteryVoltageV,

        @Schema(
                description = "1 when the device fails within 7 days",
                allowableValues = {"0", "1"})
        Integer targetFailNext7d,

        Double leadImpedanceOhmsRollingMean3d,
        Double leadImpedanceOhmsRollingMean7d,
        Double captureThresholdVRollingMean3d,
        Double captureThresholdVRollingMean7d,
        Double leadImpedanceOhmsDeltaPerDay3d,
        Double leadImpedanceOhmsDeltaPerDay7d,
        Double captureThresholdVDeltaPerDay3d,
        Double captureThresholdVDeltaPerDay7d) {}
