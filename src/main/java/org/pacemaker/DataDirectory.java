package org.pacemaker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service keeps what must survive a restart: the embedded database and, in the local
 * environment, the generated signing key.
 *
 * @param dataDir the folder, created when missing
 */
@ConfigurationProperties("pacemaker")
public record DataDirectory(Path dataDir) {

    public Path absolute() {
        return dataDir.toAbsolutePath().normalize();
    }

    public Path resolve(String name) {
        return absolute().resolve(name);
    }
}
