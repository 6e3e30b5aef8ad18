package org.pacemaker.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The integration tests empty pacemaker_telemetry. A shell that exported the service's database
 * variables (as the README's "run it for real" does) must not point them at that database: the build
 * keeps POSTGRES_SERVER out of the test JVM and sets DATABASE_URL only from -Dtest.database.url.
 */
class TestDatabaseIsolationTests {

    @Test
    void theServicesDatabaseVariablesDoNotReachTheTests() {
        assertThat(System.getenv("POSTGRES_SERVER")).isNullOrEmpty();
        assertThat(Objects.toString(System.getenv("DATABASE_URL"), ""))
                .isEqualTo(System.getProperty("test.database.url", ""));
    }
}
