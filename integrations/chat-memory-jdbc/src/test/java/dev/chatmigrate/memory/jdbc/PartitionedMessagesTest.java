package dev.chatmigrate.memory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table on a {@code messages} that {@code chatmigrate partition} made partitioned, by range of
 * {@code created_at} and by hash of {@code conversation_id}: the store's statements are unchanged, and what they do
 * (append, read back in order, rewrite, delete) and the foreign key's cascade work on the partitions.
 */
class PartitionedMessagesTest {

    @FreshDatabase
    TestDatabase database;

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of("range", CanonicalTables.BY_MONTH), Arguments.of("hash", CanonicalTables.BY_HASH));
    }

    private ChatMemoryTable table(DataSource dataSource) {
        return new ChatMemoryTable(dataSource, "public", Function.identity(), IllegalStateException::new);
    }

    private static void save(ChatMemoryTable table, String conversationId, List<MessageRow> rows) {
        table.replace(conversationId, rows, Function.identity(), id -> "user-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @DisplayName("Appended rows come back in order, stored in the partitions; a rewrite keeps the overlapping rows' ids")
    void roundTrip(String name, PartitionLayout layout) throws Exception {
        DataSource dataSource = CanonicalTables.partitioned(database, layout);
        ChatMemoryTable table = table(dataSource);
        assertThat(Rows.query(dataSource, "select relkind::text from pg_class where oid = 'messages'::regclass")).containsExactly(List.of("p"));

        save(table, "chat-1", List.of(new MessageRow("user", "one", "{}"), new MessageRow("assistant", "two", "{\"a\": \"1\"}")));
        save(table, "chat-2", List.of(new MessageRow("user", "other", "{}")));
        List<List<String>> ids = Rows.query(dataSource, "select id from messages order by created_at");
        save(table, "chat-1", List.of(new MessageRow("user", "one", "{}"), new MessageRow("assistant", "two", "{\"a\": \"1\"}"),
                new MessageRow("user", "three", "{}")));

        assertThat(table.read("chat-1")).extracting(MessageRow::content).containsExactly("one", "two", "three");
        assertThat(table.read("chat-2")).extracting(MessageRow::content).containsExactly("other");
        assertThat(Rows.query(dataSource, "select id from messages order by created_at")).startsWith(ids.toArray(List[]::new));
        assertThat(Rows.query(dataSource, "select count(*) from only messages")).as("no row in the parent itself").containsExactly(List.of("0"));
        assertThat(Rows.query(dataSource, "select count(distinct tableoid) > 0 from messages where tableoid <> 'messages'::regclass"))
                .containsExactly(List.of("t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @DisplayName("A message re-saved with an old creation time moves to its partition and keeps its place in the order")
    void oldCreationTimeMovesTheRow(String name, PartitionLayout layout) throws Exception {
        DataSource dataSource = CanonicalTables.partitioned(database, layout);
        ChatMemoryTable table = table(dataSource);
        Instant longAgo = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MICROS);

        save(table, "chat-1", List.of(new MessageRow("user", "old", "{}", longAgo), new MessageRow("assistant", "new", "{}")));
        List<MessageRow> read = table.read("chat-1");

        assertThat(read).extracting(MessageRow::content).containsExactly("old", "new");
        assertThat(read.get(0).createdAt()).isEqualTo(longAgo);
        if (layout.byRange()) {
            assertThat(Rows.query(dataSource, "select tableoid::regclass::text from messages where content = 'old'"))
                    .as("a message older than the first monthly partition").containsExactly(List.of("messages_default"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @DisplayName("Deleting a conversation from the store empties it in every partition; deleting its conversations row cascades")
    void deleteAndCascade(String name, PartitionLayout layout) throws Exception {
        DataSource dataSource = CanonicalTables.partitioned(database, layout);
        ChatMemoryTable table = table(dataSource);
        save(table, "chat-1", List.of(new MessageRow("user", "one", "{}"), new MessageRow("assistant", "two", "{}")));
        save(table, "chat-2", List.of(new MessageRow("user", "three", "{}"), new MessageRow("assistant", "four", "{}")));

        table.delete("chat-1");
        assertThat(table.read("chat-1")).isEmpty();
        assertThat(count(dataSource, "conversations")).as("the store leaves the conversations row").isEqualTo(2);

        Rows.execute(dataSource, "delete from conversations where id = '" + ConversationIds.toUuid("chat-2") + "'");
        assertThat(table.read("chat-2")).isEmpty();
        assertThat(count(dataSource, "messages")).isZero();
        assertThat(table.conversationIds()).isEmpty();
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        return Long.parseLong(Rows.query(dataSource, "select count(*) from " + table).get(0).get(0));
    }
}
