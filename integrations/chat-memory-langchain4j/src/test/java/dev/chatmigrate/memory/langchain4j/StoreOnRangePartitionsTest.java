package dev.chatmigrate.memory.langchain4j;

import dev.chatmigrate.memory.jdbc.CanonicalTables;
import javax.sql.DataSource;

/** Every test of {@link ChatmigrateChatMemoryStoreTest} on a {@code messages} partitioned by range of {@code created_at}, a partition a month: the same statements, unchanged. */
class StoreOnRangePartitionsTest extends ChatmigrateChatMemoryStoreTest {

    @Override
    DataSource tables() throws Exception {
        return CanonicalTables.partitioned(database, CanonicalTables.BY_MONTH);
    }
}
