package dev.chatmigrate.integration.partition;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.PartitionedMessages;
import dev.chatmigrate.testing.states.SampleRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code messages} partitioned by hand, as an operator does it before any tool: the schema at a version with an
 * engine, rows over 2026, then the canonical partitioned form of that version swapped in for the plain table
 * ({@link PartitionedMessages}).
 */
final class PartitionedByHand {

    private PartitionedByHand() {
    }

    /** {@code version} by {@code engine}, two conversations, {@code rows} messages over 2026, {@code messages} then partitioned by {@code key}. */
    static void prepare(TestDatabase database, String engine, int version, String key, int rows) throws SQLException {
        new MigrationRunner(database.settings(engine), MigrationEngines.measured(engine)).migrate(version);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at)"
                    + " select case when g % 2 = 0 then '11111111-1111-1111-1111-111111111111'::uuid else '22222222-2222-2222-2222-222222222222' end,"
                    + " 'assistant', 'message ' || g, timestamptz '2026-01-01' + (g % 340) * interval '1 day' + g * interval '1 second'"
                    + " from generate_series(1, " + rows + ") g");
        }
        PartitionedMessages form = key.equals(PartitionedMessages.RANGE_BY_CREATED_AT.key())
                ? PartitionedMessages.RANGE_BY_CREATED_AT : PartitionedMessages.HASH_BY_CONVERSATION_ID;
        form.partition(database.settings(engine), version);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("analyze messages");
        }
    }
}
