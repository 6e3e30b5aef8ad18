package org.pacemaker;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service in the test's JVM on a free port, as {@code pacemaker serve} starts it, for
 * tests that drive it over HTTP with the command-line tools and read its table back.
 */
public final class InProcessService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;
    private final JdbcTemplate jdbc;

    private InProcessService(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    }

    /** Starts it with these properties (a data dir at least) on a free port. */
    public static InProcessService start(Map<String, Object> properties) {
        Map<String, Object> withPort = new HashMap<>(properties);
        withPort.put("server.port", 0);
        return new InProcessService(PacemakerApplication.start(withPort));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI ingestUrl() {
        return baseUrl.resolve("/api/v1/telemetry/ingest");
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        context.close();
    }
}
