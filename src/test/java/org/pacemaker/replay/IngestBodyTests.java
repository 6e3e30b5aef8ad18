package org.pacemaker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IngestBodyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A full request: about 600 KiB of JSON, so dozens of chunks. */
    private static final List<CsvRow> ROWS = rows(2000);

    @Test
    void aBodyOfManyChunksIsOneCompleteArrayInRowOrder() throws IOException {
        JsonNode body = JSON.readTree(IngestBody.of(ROWS, false));

        assertThat(body).hasSize(2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(body.get(i).get("patient_id").asInt()).isEqualTo(i);
            assertThat(body.get(i).get("lead_impedance_ohms").asDouble()).isEqualTo(500 + i / 8.0);
        }
    }

    @Test
    void smallReadsGiveTheSameBytesAsLargeOnes() throws IOException {
        byte[] whole = IngestBody.of(ROWS, false).readAllBytes();

        ByteArrayOutputStream piecewise = new ByteArrayOutputStream();
        try (InputStream body = IngestBody.of(ROWS, false)) {
            byte[] small = new byte[7];
            for (int n; (n = body.read(small, 0, small.length)) != -1; ) {
                piecewise.write(small, 0, n);
            }
            assertThat(body.read()).isEqualTo(-1);
        }

        assertThat(piecewise.toByteArray()).isEqualTo(whole);
        assertThat(IngestBody.size(ROWS, false)).isEqualTo(whole.length);
    }

    @Test
    void eachBodyStartsAnewSoARetrySendsTheSameBytes() throws IOException {
        assertThat(IngestBody.of(ROWS, true).readAllBytes())
                .isEqualTo(IngestBody.of(ROWS, true).readAllBytes());
    }

    @Test
    void theGzippedBodyUnpacksToThePlainOne() throws IOException {
        byte[] plain = IngestBody.of(ROWS, false).readAllBytes();

        byte[] unpacked = new GZIPInputStream(IngestBody.of(ROWS, true)).readAllBytes();

        assertThat(unpacked).isEqualTo(plain);
        assertThat(IngestBody.size(ROWS, true)).isLessThan(plain.length / 4);
    }

    @Test
    void noRowsMakeAnEmptyArray() throws IOException {
        assertThat(IngestBody.of(List.of(), false).readAllBytes()).asString().isEqualTo("[]");
    }

    private static List<CsvRow> rows(int count) {
        List<CsvRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] values = new double[TelemetryField.all().size()];
            Arrays.fill(values, 0.25 * (i % 13));
            values[TelemetryField.PATIENT_ID.ordinal()] = i;
            values[TelemetryField.TIMESTAMP.ordinal()] = 1_754_352_000L;
            values[TelemetryField.LEAD_IMPEDANCE_OHMS.ordinal()] = 500 + i / 8.0;
            values[TelemetryField.TARGET_FAIL_NEXT_7D.ordinal()] = i % 2;
            values[TelemetryField.CAPTURE_THRESHOLD_V_DELTA_PER_DAY_7D.ordinal()] = Double.NaN;
            rows.add(new CsvRow(i + 2L, values));
        }
        return rows;
    }
}
