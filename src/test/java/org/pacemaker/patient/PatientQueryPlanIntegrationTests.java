package org.pacemaker.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacemaker.ApiIntegrationTest;
import org.pacemaker.QueryPlans;

/** The patient reads go through indexes on a table of realistic size. */
class PatientQueryPlanIntegrationTests extends ApiIntegrationTest {

    private static final String BY_PATIENT = "pacemaker_telemetry_patient_timestamp_key";
    private static final String BY_TIME = "pacemaker_telemetry_timestamp_patient_idx";

    @BeforeEach
    void fill() {
        QueryPlans.fill(jdbc);
    }

    private static void assertUses(String plan, String index) {
        assertThat(plan).as(plan).contains(index).doesNotContain("Seq Scan");
    }

    @Test
    void theListHopsAlongThePatientIndexAndLooksEachPatientUpThere() {
        assertUses(QueryPlans.explain(jdbc, PatientRepository.ALL, List.of()), BY_PATIENT);
        assertUses(QueryPlans.explain(jdbc, PatientRepository.ONE, List.of(17)), BY_PATIENT);
    }

    @Test
    void theNewestReadingComesOffTheTimeIndex() {
        assertUses(QueryPlans.explain(jdbc, PatientRepository.NEWEST, List.of()), BY_TIME);
    }

    @Test
    void aSeriesUsesThePatientIndexWithOrWithoutARange() {
        Instant from = Instant.ofEpochSecond(QueryPlans.FIRST_TIMESTAMP + 100 * 86_400L);
        for (Instant[] range : new Instant[][] {{null, null}, {from, null}, {from, from.plusSeconds(30 * 86_400L)}}) {
            List<Object> params = new ArrayList<>();
            params.add(17);
            String sql = PatientRepository.seriesQuery(range[0], range[1], params);
            params.add(1001);
            assertUses(QueryPlans.explain(jdbc, sql, params), BY_PATIENT);
        }
    }
}
