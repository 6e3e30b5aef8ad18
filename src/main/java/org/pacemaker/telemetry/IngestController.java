package org.pacemaker.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    private final TelemetryRepository telemetry;
    private final IngestActivity activity;

    IngestController(TelemetryRepository telemetry, IngestActivity activity) {
        this.telemetry = telemetry;
        this.activity = activity;
    }

    @Operation(
            summary = "Store a batch of telemetry readings (superuser only)",
            description = "1 to 2000 rows. Rows repeating a (patient_id, timestamp) pair, inside the request"
                    + " or already stored, are counted and skipped. Any invalid row refuses the whole request"
                    + " with 422, naming every bad row and field; nothing is stored then.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array =
                                    @ArraySchema(
                                            schema = @Schema(ref = TelemetryOpenApi.READING_SCHEMA_REF),
                                            minItems = 1,
                                            maxItems = TelemetryBatchParser.MAX_ROWS)))
    @PostMapping(path = "/api/v1/telemetry/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    IngestResponse ingest(@RequestBody TelemetryBatch batch) {
        int inserted = batch.size() == 0 ? 0 : telemetry.insertNew(batch);
        IngestResponse response = IngestResponse.of(batch, inserted);
        activity.answered(response);
        log.debug("Ingested {}", response);
        return response;
    }
}
