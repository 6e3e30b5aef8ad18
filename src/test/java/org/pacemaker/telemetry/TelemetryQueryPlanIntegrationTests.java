package org.pacemaker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import org.pacemaker.QueryPlans;

/** Each read's filter is served by an index on a table of realistic size, not only on an empty one. */
class TelemetryQueryPlanIntegrationTests extends ApiIntegrationTest {

    private static final String BY_PATIENT = "pacemaker_telemetry_patient_timestamp_key";
    private static final String BY_TIME = "pacemaker_telemetry_timestamp_patient_idx";
    private static final String BY_INSERT = "pacemaker_telemetry_created_at_idx";
    private static final Instant MIDDLE = Instant.ofEpochSecond(QueryPlans.FIRST_TIMESTAMP + 120 * 86_400L);

    @BeforeEach
    void fill() {
        QueryPlans.fill(jdbc);
    }

    private String pagePlan(TelemetryFilter filter, Cursor after) {
        List<Object> params = new ArrayList<>();
        String sql = TelemetryReadRepository.pageQuery(filter, after, params);
        params.add(501);
        return QueryPlans.explain(jdbc, sql, params);
    }

    private String exportPlan(TelemetryFilter filter) {
        List<Object> params = new ArrayList<>();
        return QueryPlans.explain(jdbc, TelemetryReadRepository.exportQuery(filter, params), params);
    }

    private static void assertUses(String plan, String index) {
        assertThat(plan).as(plan).contains(index).doesNotContain("Seq Scan");
    }

    @Test
    void pagesOfOnePatientUseThePatientIndex() {
        assertUses(pagePlan(new TelemetryFilter(17, null, null), null), BY_PATIENT);
        assertUses(pagePlan(new TelemetryFilter(17, MIDDLE, MIDDLE.plusSeconds(30 * 86_400L)), null), BY_PATIENT);
        assertUses(pagePlan(new TelemetryFilter(17, null, null), new Cursor(MIDDLE.getEpochSecond(), 17)), BY_PATIENT);
    }

    @Test
    void pagesAcrossPatientsUseTheTimeIndexWithAndWithoutACursorOrRange() {
        assertUses(pagePlan(new TelemetryFilter(null, null, null), null), BY_TIME);
        assertUses(pagePlan(new TelemetryFilter(null, null, null), new Cursor(MIDDLE.getEpochSecond(), 50)), BY_TIME);
        assertUses(pagePlan(new TelemetryFilter(null, MIDDLE, MIDDLE.plusSeconds(86_400)), null), BY_TIME);
    }

    @Test
    void exportsOfATimeRangeOrAPatientUseAnIndex() {
        assertUses(exportPlan(new TelemetryFilter(null, MIDDLE, MIDDLE.plusSeconds(7 * 86_400L))), BY_TIME);
        assertUses(exportPlan(new TelemetryFilter(42, null, null)), BY_PATIENT);
    }

    @Test
    void statsUseTheIndexesForEveryFilter() {
        List<Object> since = List.of(TelemetryFilter.utc(MIDDLE.plusSeconds(100 * 86_400L)));
        assertUses(QueryPlans.explain(jdbc, TelemetryReadRepository.ROWS_PER_DAY, since), BY_TIME);
        assertUses(QueryPlans.explain(jdbc, TelemetryReadRepository.RECENT_INGEST, List.of(60)), BY_INSERT);
        assertUses(QueryPlans.explain(jdbc, TelemetryReadRepository.LAST_INSERT, List.of()), BY_INSERT);
        assertUses(QueryPlans.explain(jdbc, TelemetryReadRepository.PATIENT_COUNT, List.of()), BY_PATIENT);
    }
}
