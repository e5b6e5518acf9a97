package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.spi.MigrationSettings;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void settingsAndDatabasesNeverPrintTheirPassword() {
        Database database = new Database("jdbc:postgresql://host/db", "bot", "hunter2");
        MigrationSettings settings = database.settings("flyway");

        assertThat(database.toString()).doesNotContain("hunter2").contains("bot");
        assertThat(settings.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://host/db");
    }
}
