package org.pacemaker.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A separate JVM that starts the embedded server, writes a row and waits to be killed. */
final class EmbeddedDatabaseOwner {

    static final String READY = "embedded-database-ready";

    private EmbeddedDatabaseOwner() {}

    public static void main(String[] args) throws Exception {
        DatabaseServer server = DatabaseServer.embedded(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('written before the kill')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
