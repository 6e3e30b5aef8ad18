package org.pacemaker.auth;

import org.pacemaker.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates FIRST_SUPERUSER at start-up when no account has its email; leaves an existing one alone. */
@Component
class FirstSuperuser implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstSuperuser.class);

    private final SecuritySettings settings;
    private final UserService users;

    FirstSuperuser(SecuritySettings settings, UserService users) {
        this.settings = settings;
        this.users = users;
        settings.checkNotDefault("FIRST_SUPERUSER_PASSWORD", settings.firstSuperuserPassword());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.ensureSuperuser(settings.firstSuperuser(), settings.firstSuperuserPassword())) {
            log.info("Created the first superuser {}", settings.firstSuperuser());
        }
    }
}
