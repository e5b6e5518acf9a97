package dev.chatmigrate.memory.springai;

import dev.chatmigrate.memory.jdbc.CanonicalTables;
import javax.sql.DataSource;

/** Every test of {@link ChatmigrateChatMemoryRepositoryTest} on a {@code messages} partitioned by hash of {@code conversation_id} into four partitions: the same statements, unchanged. */
class RepositoryOnHashPartitionsTest extends ChatmigrateChatMemoryRepositoryTest {

    @Override
    DataSource tables() throws Exception {
        return CanonicalTables.partitioned(database, CanonicalTables.BY_HASH);
    }
}
