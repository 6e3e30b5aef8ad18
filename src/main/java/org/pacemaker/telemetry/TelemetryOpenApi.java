package org.pacemaker.telemetry;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.pacemaker.schema.TelemetryField;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes an ingest row in the OpenAPI document from {@link TelemetryField}, the same list the
 * parser checks against, so the document cannot drift from what the endpoint accepts.
 */
@Component
class TelemetryOpenApi implements OpenApiCustomizer {

    static final String READING_SCHEMA_REF = org.pacemaker.schema.Reading.OPENAPI_REF;
    static final String READING_SCHEMA = READING_SCHEMA_REF.substring(READING_SCHEMA_REF.lastIndexOf('/') + 1);

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        ObjectSchema reading = new ObjectSchema();
        reading.description("One reading of one pacemaker. Unknown fields are ignored; optional ones may be null.");
        for (TelemetryField field : TelemetryField.all()) {
            reading.addProperty(field.jsonName(), schemaOf(field));
        }
        reading.required(
                TelemetryField.required().stream().map(TelemetryField::jsonName).toList());
        openApi.getComponents().addSchemas(READING_SCHEMA, reading);
    }

    private static Schema<?> schemaOf(TelemetryField field) {
        return switch (field.kind()) {
            case PATIENT_ID ->
                new IntegerSchema().format("int32").minimum(BigDecimal.ZERO).example(17);
            case UNIX_SECONDS ->
                new IntegerSchema()
                        .format("int64")
                        .minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(TelemetryField.MAX_UNIX_SECONDS))
                        .description("Unix seconds, UTC")
                        .example(1_700_000_000L);
            case MEASUREMENT -> new NumberSchema().format("double").description("finite number");
            case LABEL ->
                new IntegerSchema()
                        .types(java.util.Set.of("integer", "null"))
                        ._enum(List.of(0, 1))
                        .description("1 when the device fails within 7 days");
            case FEATURE ->
                new NumberSchema()
                        .format("double")
                        .types(java.util.Set.of("number", "null"))
                        .description("engineered feature; null where the window is not full yet");
        };
    }
}
