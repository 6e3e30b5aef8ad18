package org.pacemaker.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL server to use, by the original's variables. When neither a URL nor a server is
 * given, the service starts an embedded PostgreSQL of its own.
 *
 * @param url a full JDBC URL; wins over the parts below
 * @param server host name (POSTGRES_SERVER)
 * @param port port (POSTGRES_PORT)
 * @param user user name (POSTGRES_USER)
 * @param password password (POSTGRES_PASSWORD)
 * @param db database name (POSTGRES_DB)
 * @param poolSize most connections the service holds open
 */
@ConfigurationProperties("pacemaker.database")
public record DatabaseSettings(
        String url, String server, int port, String user, String password, String db, int poolSize) {

    public boolean configured() {
        return hasText(url) || hasText(server);
    }

    String jdbcUrl() {
        return hasText(url) ? url : "jdbc:postgresql://%s:%d/%s".formatted(server, port, db);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
