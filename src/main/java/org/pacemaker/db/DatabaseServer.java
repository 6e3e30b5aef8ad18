package org.pacemaker.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service's PostgreSQL is: the configured server, or an embedded one started here whose
 * data lives in the data folder and survives restarts. Closing it stops the embedded server.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static DatabaseServer configured(DatabaseSettings settings) {
        log.info("Using the configured PostgreSQL at {}", withoutQuery(settings.jdbcUrl()));
        return new DatabaseServer(settings.jdbcUrl(), settings.user(), settings.password(), null);
    }

    /** Starts (and on first use initialises) an embedded PostgreSQL with its data in {@code dataDir}. */
    public static DatabaseServer embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info(
                    "Started embedded PostgreSQL on port {} with data in {} (log: {})",
                    postgres.getPort(),
                    dataDir,
                    logFile);
            return new DatabaseServer(url, "postgres", "", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            log.info("Stopped embedded PostgreSQL");
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
