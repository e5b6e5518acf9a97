package dev.chatmigrate.core.adoption;

import dev.chatmigrate.testing.orm.OrmRows;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the adoption tests read from a database: rows, catalog, drift, id map; and how they run an engine on it. */
final class Adopted {

    private Adopted() {
    }

    static MigrationRunner runner(TestDatabase database, String engine, AdoptionOptions options) {
        MigrationEngineProvider provider = MigrationEngines.measured(engine);
        return new MigrationRunner(database.settings(engine), provider, options);
    }

    static MigrationReport migrate(TestDatabase database, String engine, AdoptionOptions options) {
        return runner(database, engine, options).migrate(ChatbotSchema.LATEST_VERSION);
    }

    static MigrationPlan plan(TestDatabase database, String engine, AdoptionOptions options) {
        return runner(database, engine, options).plan(ChatbotSchema.LATEST_VERSION);
    }

    static OrmRows rows(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return OrmRows.read(connection, "public");
        }
    }

    static DriftReport drift(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION);
        }
    }

    /** Everything a change would show: the chatbot tables' catalog, their data, and every relation of the schema. */
    static String state(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return ActualSchema.describe(connection, "public") + DataFingerprint.of(connection, "public")
                    + query(connection, "select string_agg(relname || ':' || relkind::text || ':' || relfilenode::text, ',' order by relname)"
                    + " from pg_class where relnamespace = 'public'::regnamespace") + query(connection, "select string_agg(role, ',' order by id::text) from messages");
        }
    }

    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static List<String> query(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            return query(connection, sql);
        }
    }

    /** {@code before}'s rows with their ids translated through {@code chatmigrate_id_map}, roles as {@code roles} maps them. */
    static OrmRows translated(TestDatabase database, OrmRows before, boolean lowercaseRoles) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        boolean mapped = !query(database, "select to_regclass('chatmigrate_id_map')").contains(null);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(mapped ? "select table_name, old_id::text, new_id::text from chatmigrate_id_map"
                     : "select null, null, null where false")) {
            while (rows.next()) {
                ids.put(rows.getString(1) + ":" + rows.getString(2), rows.getString(3));
            }
        }
        return new OrmRows(before.conversations().stream().map(c -> new OrmRows.Conversation(ids.getOrDefault("conversations:" + c.id(), c.id()),
                        c.userId(), c.title(), c.createdAt(), c.updatedAt())).toList(),
                before.messages().stream().map(m -> new OrmRows.Message(ids.getOrDefault("messages:" + m.id(), m.id()),
                        ids.getOrDefault("conversations:" + m.conversationId(), m.conversationId()),
                        lowercaseRoles ? m.role().toLowerCase(java.util.Locale.ROOT) : m.role(), m.content(), m.createdAt())).toList());
    }
}
