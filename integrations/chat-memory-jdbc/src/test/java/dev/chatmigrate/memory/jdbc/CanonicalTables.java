package dev.chatmigrate.memory.jdbc;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Test helper of the chat memory modules, the one place where their tests use chatmigrate itself: the canonical tables, built by the raw-DDL baseline engine. */
public final class CanonicalTables {

    private CanonicalTables() {
    }

    /** Migrates {@code schema} of {@code database} to the latest version and returns a data source for it. */
    public static DataSource create(TestDatabase database, String schema) throws SQLException {
        new MigrationRunner(database.settings("jdbc").withSchema(schema), new JdbcBaselineProvider()).migrate();
        return database.database().dataSource("chat-memory-test", java.time.Duration.ofSeconds(10));
    }

    public static DataSource create(TestDatabase database) throws SQLException {
        return create(database, "public");
    }
}
