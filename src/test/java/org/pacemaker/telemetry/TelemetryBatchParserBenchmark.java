package org.pacemaker.telemetry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The ingest request's parse-and-validate step, JSON bytes to checked columns, on its own: a day of
 * the default dataset (about 900 rows) and a full request (2,000). Not a test; run it as
 * docs/benchmarks.md shows. {@code TelemetryBatchParserBenchmarkTests} checks that these bodies are
 * valid, so that the figures are of the path that stores rows, not of the error path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TelemetryBatchParserBenchmark {

    @Param({"900", "2000"})
    int rows;

    private byte[] body;

    @Setup
    public void writeBody() {
        body = body(rows);
    }

    @Benchmark
    public TelemetryBatch parse() {
        return TelemetryBatchParser.parse(new ByteArrayInputStream(body));
    }

    /** A day's request as the replay client writes it: every field, the trailing features of later days. */
    static byte[] body(int rows) {
        SplittableRandom random = new SplittableRandom(42);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * 640);
        try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartArray();
            for (int patient = 0; patient < rows; patient++) {
                json.writeStartObject();
                for (TelemetryField field : TelemetryField.all()) {
                    json.writeName(field.jsonName());
                    switch (field.kind()) {
                        case PATIENT_ID -> json.writeNumber(patient);
                        case UNIX_SECONDS -> json.writeNumber(1_754_352_000L);
                        case LABEL -> json.writeNumber(random.nextInt(20) == 0 ? 1 : 0);
                        default -> json.writeNumber(Math.round(random.nextDouble(0.2, 900) * 100) / 100.0);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return bytes.toByteArray();
    }
}
