package org.pacemaker.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.pacemaker.DataDirectory;
import org.pacemaker.auth.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseSettings settings, DataDirectory dataDirectory, SecuritySettings security) {
        if (settings.configured()) {
            security.checkNotDefault("POSTGRES_PASSWORD", settings.password());
            return DatabaseServer.configured(settings);
        }
        return DatabaseServer.embedded(DatabaseServer.embeddedDataDir(dataDirectory.absolute()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server, DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pacemaker");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(settings.poolSize());
        // Fail fast while the database is down, so requests get a 503 instead of hanging.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }
}
