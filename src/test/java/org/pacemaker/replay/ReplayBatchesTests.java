package org.pacemaker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the CSV becomes requests: batches per day and the JSON they carry. */
class ReplayBatchesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theFixtureIsInReplayOrderAndSpansItsDays() {
        CsvScan scan = CsvScan.of(CsvFiles.FIXTURE, new DayRange(null, null));

        assertThat(scan.ordered()).isTrue();
        assertThat(scan.rows()).isEqualTo(CsvFiles.FIXTURE_ROWS);
        assertThat(scan.days()).isEqualTo(CsvFiles.FIXTURE_DAYS);
        assertThat(CsvRow.date(scan.rowsPerDay().firstKey())).hasToString("2025-08-05");
    }

    @Test
    void aDayLargerThanOneRequestIsSplitIntoParts() {
        List<DayBatch> batches = batches(CsvFiles.FIXTURE, new DayRange(null, null), 12);

        DayBatch first = batches.get(0);
        assertThat(batches.subList(0, 3))
                .extracting(DayBatch::label)
                .containsExactly("2025-08-05 (part 1/3)", "2025-08-05 (part 2/3)", "2025-08-05 (part 3/3)");
        assertThat(batches.subList(0, 3))
                .extracting(batch -> batch.rows().size())
                .containsExactly(12, 12, 6);
        assertThat(first.rows()).extracting(CsvRow::patientId).startsWith(0L, 1L, 2L);
        assertThat(batches.stream().mapToInt(batch -> batch.rows().size()).sum())
                .isEqualTo(CsvFiles.FIXTURE_ROWS);
    }

    @Test
    void anUnorderedFileIsSortedByTimestampThenPatient() {
        List<DayBatch> batches = batches(CsvFiles.shuffled(dir), new DayRange(null, null), 2000);

        List<CsvRow> rows =
                batches.stream().flatMap(batch -> batch.rows().stream()).toList();
        assertThat(rows).isSortedAccordingTo(CsvRow.REPLAY_ORDER).hasSize(CsvFiles.FIXTURE_ROWS);
        assertThat(batches).hasSize(CsvFiles.FIXTURE_DAYS);
    }

    @Test
    void lineNumbersCountTheHeaderAsLineOne() {
        List<DayBatch> batches = batches(CsvFiles.FIXTURE, new DayRange(null, null), 2000);

        assertThat(batches.get(0).rows().get(0).line()).isEqualTo(2);
    }

    @Test
    void theBodyCarriesIntegersAsIntegersAndEmptyCellsAsNull() throws IOException {
        DayBatch first =
                batches(CsvFiles.FIXTURE, new DayRange(null, null), 2000).get(0);

        JsonNode plain = JSON.readTree(IngestBody.of(first.rows(), false));
        JsonNode gzipped = JSON.readTree(new GZIPInputStream(IngestBody.of(first.rows(), true)));

        assertThat(gzipped).isEqualTo(plain);
        assertThat(plain).hasSize(30);
        JsonNode row = plain.get(0);
        assertThat(row.get("patient_id").isInt()).isTrue();
        assertThat(row.get("timestamp").asLong()).isEqualTo(1_754_352_000L);
        assertThat(row.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(row.get("target_fail_next_7d").isIntegralNumber()).isTrue();
        assertThat(row.get("lead_impedance_ohms").asDouble()).isEqualTo(514.9);
        assertThat(row.get("capture_threshold_v").asDouble()).isEqualTo(0.6);
        assertThat(row.get("lead_impedance_ohms_delta_per_day_3d").isNull()).isTrue();
        assertThat(row.properties()).hasSize(15);
    }

    @Test
    void wholeFloatsInIntegerColumnsAreSentAsIntegers() throws IOException {
        Path csv = CsvFiles.withCell(dir, 2, 6, "1.0");

        DayBatch first = batches(csv, new DayRange(null, null), 2000).get(0);

        JsonNode row = JSON.readTree(IngestBody.of(first.rows(), false)).get(0);
        assertThat(row.get("target_fail_next_7d").isInt()).isTrue();
        assertThat(row.get("target_fail_next_7d").asInt()).isEqualTo(1);
    }

    @Test
    void aRangeKeepsOnlyItsDays() {
        DayRange range = new DayRange(java.time.LocalDate.of(2025, 12, 30), null);

        List<DayBatch> batches = batches(CsvFiles.FIXTURE, range, 2000);

        assertThat(batches).extracting(DayBatch::label).containsExactly("2025-12-30", "2025-12-31", "2026-01-01");
    }

    private static List<DayBatch> batches(Path csv, DayRange range, int maxRows) {
        CsvScan scan = CsvScan.of(csv, range);
        List<DayBatch> batches = new ArrayList<>();
        try (DayBatches days = DayBatches.open(csv, scan, range, maxRows, notice -> {})) {
            days.forEachRemaining(batches::add);
        }
        return batches;
    }
}
