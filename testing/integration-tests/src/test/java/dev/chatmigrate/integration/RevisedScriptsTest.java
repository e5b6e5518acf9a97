package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Versions 3 and 5 were first released adding their check validated in one statement; they now add it not valid
 * and validate it separately. Version 4 was first released building its index {@code concurrently} in so many words;
 * it now takes the word from the placeholder {@code concurrently}, empty on a partitioned {@code messages} (Liquibase's
 * changeset keeps its checksum: only its rollback has the placeholder). A database those first releases migrated,
 * whose history records their checksums, stays valid and up to date with every engine that keeps checksums (MyBatis
 * keeps none).
 */
class RevisedScriptsTest {

    @FreshDatabase
    private TestDatabase database;

    /**
     * Per engine, what its history recorded after the first release of versions 3, 4 and 5 (as read from such a history),
     * and whether that history is complete: Liquibase's lacks the changesets that validate the checks, which migrate runs.
     */
    static Stream<Arguments> firstReleaseHistories() {
        return Stream.of(
                Arguments.of("jdbc", true, List.of(
                        "update chatmigrate_jdbc_history set checksum = 576084017 where version = 3",
                        "update chatmigrate_jdbc_history set checksum = 2939617022 where version = 4",
                        "update chatmigrate_jdbc_history set checksum = 3756157897 where version = 5")),
                Arguments.of("flyway", true, List.of(
                        "update chatmigrate_flyway_history set checksum = 566782622 where version = '3'",
                        "update chatmigrate_flyway_history set checksum = 865059461 where version = '4'",
                        "update chatmigrate_flyway_history set checksum = -1256862268 where version = '5'")),
                Arguments.of("liquibase", false, List.of(
                        "update chatmigrate_changelog set md5sum = '9:9903e8060f6c97f62b74cc1383aa2d0e' where id = 'v3-add-check-ck_messages_token_count'",
                        "update chatmigrate_changelog set md5sum = '9:9972a512e119a5b36a52e52db810292e' where id = 'v5-add-check-ck_messages_metadata_object'",
                        "delete from chatmigrate_changelog where id like 'v_-validate-%'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstReleaseHistories")
    @DisplayName("a history recorded by the first release of versions 3, 4 and 5 is up to date on restart, validates, and migrates")
    void firstReleaseHistoriesStayValid(String id, boolean complete, List<String> firstReleaseHistory) throws SQLException {
        MigrationEngineProvider provider = MigrationEngines.measured(id);
        MigrationRunner runner = new MigrationRunner(database.settings(id), provider);
        runner.migrate();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : firstReleaseHistory) {
                assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
            }
            if (complete) {
                assertThat(provider.verifiedVersion(connection, "public")).as("the restart check on the first releases' history")
                        .hasValue(ChatbotSchema.LATEST_VERSION);
            }
        }

        try (MigrationEngine engine = provider.open(database.settings(id))) {
            assertThat(engine.validate().problems()).isEmpty();
        }
        assertThat(runner.migrate().versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        try (Connection connection = database.connect()) {
            assertThat(provider.verifiedVersion(connection, "public")).hasValue(ChatbotSchema.LATEST_VERSION);
        }
    }
}
