package org.pacemaker.telemetry;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.pacemaker.schema.Reading;

/**
 * One page of rows in (timestamp, patient_id) order.
 *
 * @param items the rows, each with the ingest API's field names
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record TelemetryPage(
        @ArraySchema(schema = @Schema(ref = TelemetryOpenApi.READING_SCHEMA_REF))
        List<Reading> items,

        @Schema(nullable = true) String nextCursor) {}
