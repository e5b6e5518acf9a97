package dev.chatmigrate.integration.partition;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.SampleRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code messages} partitioned by hand, as an operator does it before any tool: the schema at a version with an
 * engine, then, in one transaction, a partitioned copy in the canonical partitioned form of that version (the partition
 * key in the primary key, the foreign key, checks and indexes on the parent) swapped in for the plain table.
 */
final class PartitionedByHand {

    /** Range partitions: one a month through 2026 and 2027, and a default one for any other time. */
    static final String RANGE = "created_at";
    /** Hash partitions: four by {@code conversation_id}. */
    static final String HASH = "conversation_id";

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
            connection.setAutoCommit(false);
            statement.execute("create table messages_partitioned (like messages including defaults including constraints) partition by "
                    + (key.equals(RANGE) ? "range (created_at)" : "hash (conversation_id)"));
            if (key.equals(RANGE)) {
                for (int month = 0; month < 24; month++) {
                    statement.execute(("create table messages_p%1$d_%2$02d partition of messages_partitioned for values from ('%1$d-%2$02d-01 00:00+00')"
                            + " to (timestamptz '%1$d-%2$02d-01 00:00+00' + interval '1 month')").formatted(2026 + month / 12, month % 12 + 1));
                }
                statement.execute("create table messages_default partition of messages_partitioned default");
            } else {
                for (int remainder = 0; remainder < 4; remainder++) {
                    statement.execute("create table messages_p" + remainder + " partition of messages_partitioned for values with (modulus 4, remainder "
                            + remainder + ")");
                }
            }
            statement.execute("insert into messages_partitioned select * from messages");
            statement.execute("drop table messages");
            statement.execute("alter table messages_partitioned rename to messages");
            statement.execute("alter table messages add constraint pk_messages primary key (id, " + key + ")");
            statement.execute("alter table messages add constraint fk_messages_conversation_id foreign key (conversation_id)"
                    + " references conversations (id) on delete cascade");
            statement.execute("create index ix_messages_conversation_id_created_at on messages (conversation_id, created_at)");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("analyze messages");
        }
    }
}
