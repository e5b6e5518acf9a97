package dev.chatmigrate.memory.springai;

import dev.chatmigrate.memory.jdbc.CanonicalTables;
import javax.sql.DataSource;

/** Every test of {@link ChatmigrateChatMemoryRepositoryTest} on a {@code messages} partitioned by range of {@code created_at}, a partition a month: the same statements, unchanged. */
class RepositoryOnRangePartitionsTest extends ChatmigrateChatMemoryRepositoryTest {

    @Override
    DataSource tables() throws Exception {
        return CanonicalTables.partitioned(database, CanonicalTables.BY_MONTH);
    }
}
