package dev.chatmigrate.adapter.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Version 4's first release said {@code concurrently} in so many words; it now takes the word from a placeholder. A
 * history that recorded the first release at version 4 is proven up to date, validates, and migrates on: Flyway's own
 * validation refuses the old checksum, {@link RevisedScripts} realigns exactly that row, and Flyway migrates again.
 */
class RevisedVersion4Test {

    private static final int FIRST_RELEASE_OF_VERSION_4 = 865059461;

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("a history that recorded version 4's first release is up to date, valid, and migrates to 5 with version 4 realigned")
    void firstReleaseOfVersion4MigratesOn() throws SQLException {
        FlywayEngineProvider provider = new FlywayEngineProvider();
        MigrationSettings settings = database.settings(provider.id());
        try (MigrationEngine engine = provider.open(settings)) {
            engine.migrate(4);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(FlywayHistoryCheck.checksum(4)).as("the revised script's checksum").isNotEqualTo(FIRST_RELEASE_OF_VERSION_4);
            assertThat(statement.executeUpdate("update chatmigrate_flyway_history set checksum = " + FIRST_RELEASE_OF_VERSION_4
                    + " where version = '4'")).isEqualTo(1);
            assertThat(provider.verifiedVersion(connection, "public")).hasValue(4);
        }

        try (MigrationEngine engine = provider.open(settings)) {
            assertThat(engine.validate().problems()).isEmpty();
            assertThat(engine.migrate(5).versionAfter()).isEqualTo(5);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select checksum from chatmigrate_flyway_history where version = '4'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).as("version 4's recorded checksum, realigned").isEqualTo(FlywayHistoryCheck.checksum(4));
            assertThat(provider.verifiedVersion(connection, "public")).hasValue(5);
        }
    }

    @Test
    @DisplayName("Flyway records the same checksum for version 4 whatever the layout of messages: the script's, before its placeholder is replaced")
    void checksumDoesNotDependOnThePlaceholder() throws SQLException {
        FlywayEngineProvider provider = new FlywayEngineProvider();
        try (MigrationEngine engine = provider.open(database.settings(provider.id()).withPartitionedMessages(true))) {
            engine.migrate(4);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select checksum from chatmigrate_flyway_history where version = '4'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(FlywayHistoryCheck.checksum(4));
        }
    }
}
