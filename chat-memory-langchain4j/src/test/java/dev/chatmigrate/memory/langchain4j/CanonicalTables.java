package dev.chatmigrate.memory.langchain4j;

import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.spi.MigrationRunner;
import dev.chatmigrate.spi.baseline.JdbcBaselineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The one place where tests use chatmigrate itself: the canonical tables, built by the raw-DDL baseline engine. */
final class CanonicalTables {

    private CanonicalTables() {
    }

    /** Migrates {@code schema} of {@code database} to the latest version and returns a data source for it. */
    static DataSource create(TestDatabase database, String schema) throws SQLException {
        new MigrationRunner(database.settings("jdbc").withSchema(schema), new JdbcBaselineProvider()).migrate();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // until version 5 lands
            statement.execute("alter table " + schema + ".messages add column if not exists metadata jsonb not null default '{}'::jsonb");
        }
        return database.database().dataSource("chat-memory-test");
    }

    static DataSource create(TestDatabase database) throws SQLException {
        return create(database, "public");
    }
}
