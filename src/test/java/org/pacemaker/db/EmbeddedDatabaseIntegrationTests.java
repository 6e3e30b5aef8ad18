package org.pacemaker.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        try (DatabaseServer second = DatabaseServer.embedded(dataDir.resolve("postgres"));
                Connection connection = connect(second);
                ResultSet rows = connection.createStatement().executeQuery("SELECT value FROM kept")) {
            assertThat(second.isEmbedded()).isTrue();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    private static Connection connect(DatabaseServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
