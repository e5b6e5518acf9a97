package dev.chatmigrate.spring.bootflyway.violation;

import org.flywaydb.core.Flyway;

/** Breaks {@code theApplicationsFlywayIsOnlyConfigured}: the starter's Boot-Flyway package running Flyway itself, not configuring it. */
public class BootFlywayRunningFlyway {

    public Object migrate(Flyway flyway) {
        return flyway.migrate();
    }
}
