package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Liquibase records, and where, when the changelog's preconditions meet existing tables. */
class ChangelogPreconditionsTest {

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("on an UNTRACKED database, the changesets of existing objects are MARK_RAN and the others EXECUTED")
    void untrackedObjectsAreMarkedRan() throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }

        MigrationReport report = runner(database.settings("liquibase")).migrate(ChatbotSchema.LATEST_VERSION);

        Map<String, String> execTypes = execTypes("public");
        assertThat(execTypes).containsEntry("v1-create-table-conversations", "MARK_RAN")
                .containsEntry("v2-create-table-messages", "MARK_RAN")
                .containsEntry("v2-add-foreign-key-fk_messages_conversation_id", "MARK_RAN")
                .containsEntry("v2-add-check-ck_messages_role", "MARK_RAN")
                .containsEntry("v3-add-column-messages-token_count", "EXECUTED")
                .containsEntry("v4-create-index-ix_messages_created_at", "EXECUTED")
                .containsEntry("v4-tag", "EXECUTED");
        assertThat(report.adoption()).contains("Liquibase marked changeset v2-create-table-messages as ran without running it,"
                + " because table messages already exists.");
        assertThat(report.steps()).extracting("version").containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).boxed().toList());
    }

    @Test
    @DisplayName("with schema chatbot, the tables and Liquibase's history live there and public stays empty")
    void honoursTheConfiguredSchema() throws SQLException {
        MigrationSettings chatbot = database.settings("liquibase").withSchema("chatbot");

        MigrationReport report = runner(chatbot).migrate(ChatbotSchema.LATEST_VERSION);

        assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "chatbot", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
        }
        assertThat(execTypes("chatbot")).containsEntry("v4-tag", "EXECUTED");
        assertThat(relationCount("public")).isZero();
        assertThat(runner(chatbot).status().currentVersion()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(runner(chatbot).downgrade(1, true).versionAfter()).isEqualTo(1);
    }

    private static MigrationRunner runner(MigrationSettings settings) {
        return new MigrationRunner(settings, new LiquibaseEngineProvider());
    }

    private Map<String, String> execTypes(String schema) throws SQLException {
        Map<String, String> execTypes = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, exectype from " + schema + ".chatmigrate_changelog order by orderexecuted")) {
            while (rows.next()) {
                execTypes.put(rows.getString(1), rows.getString(2));
            }
        }
        return execTypes;
    }

    private long relationCount(String schema) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = '" + schema + "'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
