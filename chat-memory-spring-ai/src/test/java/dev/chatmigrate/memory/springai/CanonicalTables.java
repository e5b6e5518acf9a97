package dev.chatmigrate.memory.springai;

import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The one place where tests use chatmigrate itself: the canonical tables, built by the raw-DDL baseline engine. */
final class CanonicalTables {

    private CanonicalTables() {
    }

    /** Migrates {@code schema} of {@code database} to the latest version and returns a data source for it. */
    static DataSource create(TestDatabase database, String schema) throws SQLException {
        new MigrationRunner(database.settings("jdbc").withSchema(schema), new JdbcBaselineProvider()).migrate();
        return database.database().dataSource("chat-memory-test", java.time.Duration.ofSeconds(10));
    }

    static DataSource create(TestDatabase database) throws SQLException {
        return create(database, "public");
    }
}
