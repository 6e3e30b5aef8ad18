package org.pacemaker;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The ingest service. Started by {@code pacemaker serve}, not by a main method of its own. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PacemakerApplication {

    /** Starts the service with these properties on top of application.properties. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(PacemakerApplication.class);
        application.setLogStartupInfo(false);
        return application.run(toArguments(properties));
    }

    /** Blocks until the service is stopped (Ctrl-C, SIGTERM, or its context closed by the caller). */
    public static void awaitShutdown(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        if (context.isActive()) {
            closed.await();
        }
    }

    private static String[] toArguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
