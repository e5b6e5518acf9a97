package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.spi.MigrationSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void settingsAndDatabasesNeverPrintTheirPassword() {
        Database database = new Database("jdbc:postgresql://host/db", "bot", "hunter2");
        MigrationSettings settings = MigrationSettings.of("flyway", database.dataSource("test", Duration.ofSeconds(1)));

        assertThat(database.toString()).doesNotContain("hunter2").contains("bot");
        assertThat(settings.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://host/db");
    }
}
