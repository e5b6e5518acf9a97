package dev.chatmigrate.memory.jdbc;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.partition.MessagesPartitioning;
import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Test helper of the chat memory modules, the one place where their tests use chatmigrate itself: the canonical tables,
 * built by the raw-DDL baseline engine, with a plain {@code messages} or one partitioned by {@code chatmigrate partition}.
 */
public final class CanonicalTables {

    /** {@code messages} partitioned by range of {@code created_at}, one partition a month. */
    public static final PartitionLayout BY_MONTH = PartitionLayout.byCreatedAt(PartitionLayout.Interval.MONTH).withOldTableDropped();
    /** {@code messages} partitioned by hash of {@code conversation_id} into four partitions. */
    public static final PartitionLayout BY_HASH = PartitionLayout.byConversationId(4).withOldTableDropped();

    private CanonicalTables() {
    }

    /** Migrates {@code schema} of {@code database} to the latest version and returns a data source for it. */
    public static DataSource create(TestDatabase database, String schema) throws SQLException {
        MigrationSettings settings = database.settings("jdbc").withSchema(schema);
        new MigrationRunner(settings, new JdbcBaselineProvider()).migrate();
        return database.database().dataSource("chat-memory-test", Duration.ofSeconds(10));
    }

    public static DataSource create(TestDatabase database) throws SQLException {
        return create(database, "public");
    }

    /** The latest version in {@code public}, its {@code messages} then partitioned as {@code layout}. */
    public static DataSource partitioned(TestDatabase database, PartitionLayout layout) throws SQLException {
        DataSource dataSource = create(database);
        new MessagesPartitioning(database.settings("jdbc"), new JdbcBaselineProvider()).run(layout);
        return dataSource;
    }
}
