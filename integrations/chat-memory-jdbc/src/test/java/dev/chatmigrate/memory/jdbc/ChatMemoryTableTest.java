package dev.chatmigrate.memory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the shared table adds to the framework modules' tests (which cover order, ids, locking and
 * transactions through each framework): rows compared by the framework's metadata value, and
 * failures reported as the framework's exception.
 */
class ChatMemoryTableTest {

    /** A stand-in for a JSON library: these tests' metadata are flat objects of string values. */
    private static final Function<String, Object> FLAT_JSON = text -> {
        Map<String, String> value = new TreeMap<>();
        String body = text.strip();
        body = body.substring(1, body.length() - 1).strip();
        if (!body.isEmpty()) {
            for (String pair : body.split(",")) {
                String[] keyValue = pair.split(":");
                value.put(keyValue[0].strip(), keyValue[1].strip());
            }
        }
        return value;
    };

    /** The framework module's exception, as a framework module would pass it. */
    static final class StorageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StorageFailure(String message, SQLException cause) {
            super(message, cause);
        }
    }

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;
    ChatMemoryTable table;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = CanonicalTables.create(database);
        table = new ChatMemoryTable(dataSource, "public", FLAT_JSON, StorageFailure::new);
    }

    private static List<MessageRow> rows(MessageRow... rows) {
        return List.of(rows);
    }

    private void save(String conversationId, List<MessageRow> rows) {
        table.replace(conversationId, rows, Function.identity(), id -> "user-1");
    }

    @Test
    @DisplayName("Rows come back in their order with the metadata as PostgreSQL returns it, and the conversation is listed")
    void roundTrip() throws Exception {
        save("chat-1", rows(new MessageRow("user", "Hi", "{\"b\":\"2\",\"a\":\"1\"}"), new MessageRow("assistant", "Hello", "{}")));

        assertThat(table.read("chat-1")).extracting(MessageRow::role, MessageRow::content, MessageRow::metadata).containsExactly(
                tuple("user", "Hi", "{\"a\": \"1\", \"b\": \"2\"}"), tuple("assistant", "Hello", "{}"));
        assertThat(table.conversationIds()).containsExactly(ConversationIds.toUuid("chat-1").toString());
        assertThat(Rows.query(dataSource, "select user_id from conversations")).containsExactly(List.of("user-1"));
    }

    @Test
    @DisplayName("A stored row whose metadata text differs only in key order and spacing is the same message: it keeps its id")
    void rowsAreComparedByMetadataValue() throws Exception {
        save("chat-1", rows(new MessageRow("user", "Hi", "{\"b\":\"2\",\"a\":\"1\"}"), new MessageRow("assistant", "Hello", "{}")));
        List<List<String>> before = Rows.query(dataSource, "select id from messages order by created_at");

        save("chat-1", rows(new MessageRow("user", "Hi", "{ \"a\" : \"1\", \"b\" : \"2\" }"), new MessageRow("assistant", "Hello", "{}"),
                new MessageRow("user", "Bye", "{}")));

        List<List<String>> after = Rows.query(dataSource, "select id from messages order by created_at");
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2)).isEqualTo(before);
    }

    @Test
    @DisplayName("A database failure is the framework's exception, saying what failed and what to check")
    void failuresUseTheFrameworksException() {
        ChatMemoryTable missing = new ChatMemoryTable(dataSource, "no_such_schema", FLAT_JSON, StorageFailure::new);

        assertThatThrownBy(() -> missing.read("chat-1"))
                .isInstanceOf(StorageFailure.class)
                .hasMessageContaining("Could not read conversation chat-1 from no_such_schema.messages")
                .hasMessageContaining("Check that chatmigrate has migrated this schema")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    @DisplayName("A bad conversation id or a null list is refused before the database is touched")
    void badArgumentsAreRefused() throws Exception {
        assertThatThrownBy(() -> save("", rows())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected a conversation id");
        assertThatThrownBy(() -> save(" ", rows())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected a conversation id");
        assertThatThrownBy(() -> save("chat-1", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected the list of messages to save in conversation chat-1, found null");
        assertThatThrownBy(() -> save("chat-1", Arrays.asList(new MessageRow("user", "Hi", "{}"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a message at index 1 of the 2");
        assertThat(Rows.query(dataSource, "select id from conversations")).isEmpty();
    }

    @Test
    @DisplayName("Rows read back carry created_at; a row saved again with it keeps it, even when rewritten, unless the order forbids it")
    void creationTimeIsKept() {
        save("chat-1", rows(new MessageRow("user", "one", "{}"), new MessageRow("assistant", "two", "{}")));
        List<MessageRow> first = table.read("chat-1");
        assertThat(first).extracting(MessageRow::createdAt).doesNotContainNull();

        MessageRow changed = new MessageRow("user", "one, edited", "{}", first.get(0).createdAt());
        save("chat-1", rows(changed, first.get(1), new MessageRow("user", "three", "{}")));

        List<MessageRow> second = table.read("chat-1");
        assertThat(second).extracting(MessageRow::content).containsExactly("one, edited", "two", "three");
        assertThat(second.get(0).createdAt()).isEqualTo(first.get(0).createdAt());
        assertThat(second.get(1).createdAt()).isEqualTo(first.get(1).createdAt());
        assertThat(second.get(2).createdAt()).isAfter(first.get(1).createdAt());

        save("chat-1", rows(second.get(2), second.get(0)));
        List<MessageRow> swapped = table.read("chat-1");
        assertThat(swapped).extracting(MessageRow::content).containsExactly("three", "one, edited");
        assertThat(swapped.get(1).createdAt()).as("moved behind a newer message: one microsecond after it")
                .isEqualTo(swapped.get(0).createdAt().plusNanos(1000));
    }
}
