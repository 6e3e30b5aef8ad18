package org.pacemaker.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacemaker.StartupFailure;

class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws Exception {
        try (DatabaseServer first = DatabaseServer.embedded(dataDir.resolve("postgres"));
                Connection connection = connect(first);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }

        try (DatabaseServer second = DatabaseServer.embedded(dataDir.resolve("postgres"))) {
            assertThat(second.isEmbedded()).isTrue();
            assertThat(readKept(second)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsRefused() throws Exception {
        try (DatabaseServer first = DatabaseServer.embedded(dataDir.resolve("postgres"))) {
            assertThatThrownBy(() -> DatabaseServer.embedded(dataDir.resolve("postgres")))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("is in use by another pacemaker process");
            assertThat(connect(first).isValid(5)).isTrue();
        }
    }

    @Test
    void startsAgainAfterTheProcessThatRanItWasKilled() throws Exception {
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseOwner.class.getName(),
                        dataDir.resolve("postgres").toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.equals(EmbeddedDatabaseOwner.READY)) {
            // skip the child's log lines
        }
        assertThat(line).isEqualTo(EmbeddedDatabaseOwner.READY);

        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (DatabaseServer restarted = DatabaseServer.embedded(dataDir.resolve("postgres"))) {
            assertThat(readKept(restarted)).isEqualTo("written before the kill");
        }
    }

    private static String readKept(DatabaseServer server) throws Exception {
        try (Connection connection = connect(server);
                ResultSet rows = connection.createStatement().executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(DatabaseServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
