package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRowWriterTests {

    @ParameterizedTest
    @CsvSource({
        "51490, 2, 514.9",
        "50000, 2, 500.0",
        "60, 2, 0.6",
        "1315, 2, 13.15",
        "0, 2, 0.0",
        "-67, 4, -0.0067",
        "-34233, 4, -3.4233",
        "4984250, 4, 498.425",
        "1, 4, 0.0001",
        "123456789012345, 4, 12345678901.2345"
    })
    void decimalsPrintLikePandasWithoutExponents(long scaled, int decimals, String printed) throws IOException {
        assertThat(row(out -> out.decimal(scaled, decimals))).isEqualTo(printed + "\n");
    }

    @Test
    void cellsAreCommaSeparatedWithEmptyCellsForMissingValues() throws IOException {
        String text = row(out -> {
            out.integer(0);
            out.integer(1_754_352_000L);
            out.decimal(297, 2);
            out.empty();
            out.integer(-12);
            out.empty();
        });
        assertThat(text).isEqualTo("0,1754352000,2.97,,-12,\n");
    }

    @Test
    void rowsLongerThanTheBufferArriveWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvRowWriter out = new CsvRowWriter(bytes)) {
            out.line("header");
            for (int i = 0; i < 100_000; i++) {
                out.integer(i);
                out.decimal(i, 2);
                out.endRow();
            }
        }
        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat(lines).hasSize(100_001);
        assertThat(lines[0]).isEqualTo("header");
        assertThat(lines[100_000]).isEqualTo("99999,999.99");
    }

    interface Cells {
        void write(CsvRowWriter out) throws IOException;
    }

    static String row(Cells cells) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvRowWriter out = new CsvRowWriter(bytes)) {
            cells.write(out);
            out.endRow();
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
