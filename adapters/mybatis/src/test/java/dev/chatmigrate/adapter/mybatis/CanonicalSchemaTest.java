package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.ActualSchema;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MyBatis builds byte for byte the schema that the jdbc baseline builds from the canonical SQL (the
 * same SQL as Flyway's scripts): names, types, defaults, constraint and index definitions, column order.
 */
class CanonicalSchemaTest {

    @FreshDatabase
    private TestDatabase database;

    private String builtByReference(int version) throws SQLException {
        JdbcBaselineProvider baseline = new JdbcBaselineProvider();
        new MigrationRunner(database.settings(baseline.id()).withSchema("by_baseline"), baseline).migrate(version);
        return describe("by_baseline");
    }

    private String describe(String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return ActualSchema.describe(connection, schema);
        }
    }

    public static java.util.stream.IntStream versions() {
        return java.util.stream.IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION);
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("versions")
    @DisplayName("EMPTY migrated to each version is identical to the jdbc baseline's schema at that version")
    void emptyMigratedIsIdentical(int version) throws SQLException {
        new MigrationRunner(database.settings("mybatis").withSchema("by_mybatis"), new MyBatisEngineProvider()).migrate(version);

        assertThat(describe("by_mybatis")).isNotEmpty().isEqualTo(builtByReference(version));
    }

    @Test
    @DisplayName("PARTIAL adopted and migrated is identical to the jdbc baseline's schema built from EMPTY")
    void partialAdoptedIsIdentical() throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseState.PARTIAL.prepare(connection, "public");
        }

        new MigrationRunner(database.settings("mybatis"), new MyBatisEngineProvider()).migrate(ChatbotSchema.LATEST_VERSION);

        assertThat(describe("public")).isEqualTo(builtByReference(ChatbotSchema.LATEST_VERSION));
    }
}
