package dev.chatmigrate.memory.langchain4j;

import dev.chatmigrate.memory.jdbc.CanonicalTables;
import javax.sql.DataSource;

/** Every test of {@link ChatmigrateChatMemoryStoreTest} on a {@code messages} partitioned by hash of {@code conversation_id} into four partitions: the same statements, unchanged. */
class StoreOnHashPartitionsTest extends ChatmigrateChatMemoryStoreTest {

    @Override
    DataSource tables() throws Exception {
        return CanonicalTables.partitioned(database, CanonicalTables.BY_HASH);
    }
}
