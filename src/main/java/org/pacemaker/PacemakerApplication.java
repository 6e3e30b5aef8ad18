package org.pacemaker;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ingest service. Started by {@code pacemaker serve}, not by a main method of its own. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PacemakerApplication {

    /** Starts the service with these properties on top of application.properties. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(PacemakerApplication.class);
        application.setDefaultProperties(Map.of());
        application.setAdditionalProfiles();
        application.setLogStartupInfo(false);
        return application.run(toArguments(properties));
    }

    private static String[] toArguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
