package dev.chatmigrate.testing.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OrmRows, read with plain JDBC")
class OrmRowsTest {

    private static final Instant CREATED = Instant.parse("2025-01-31T23:30:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2025-07-01T08:00:00Z");

    @FreshDatabase
    TestDatabase database;

    @Test
    @DisplayName("reads timestamp without time zone as UTC, and the same instants once the columns are timestamptz, whatever the session's zone")
    void sameInstantsBeforeAndAfterTimestamptz() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    set timezone = 'America/New_York';
                    create table conversations (id serial primary key, user_id varchar not null, title varchar,
                        created_at timestamp not null, updated_at timestamp not null);
                    create table messages (id serial primary key, conversation_id integer not null references conversations,
                        role varchar not null, content varchar not null, created_at timestamp not null);
                    insert into conversations (user_id, title, created_at, updated_at)
                        values ('user-1', null, '2025-01-31 23:30:00.123456', '2025-07-01 08:00:00');
                    insert into messages (conversation_id, role, content, created_at) values (1, 'user', 'hi', '2025-01-31 23:30:00.123456');
                    """);
            OrmRows expected = new OrmRows(List.of(new OrmRows.Conversation("1", "user-1", null, CREATED, UPDATED)),
                    List.of(new OrmRows.Message("1", "1", "user", "hi", CREATED)));

            OrmRows before = OrmRows.read(connection, "public");
            statement.execute("""
                    alter table conversations alter created_at type timestamptz using created_at at time zone 'UTC',
                        alter updated_at type timestamptz using updated_at at time zone 'UTC';
                    alter table messages alter created_at type timestamptz using created_at at time zone 'UTC', alter content type text;
                    """);
            OrmRows after = OrmRows.read(connection, "public");

            assertThat(before).isEqualTo(expected);
            assertThat(after).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("snapshots with the same rows in another order are equal")
    void orderDoesNotMatter() {
        OrmRows.Message first = new OrmRows.Message("a", "c", "user", "1", CREATED);
        OrmRows.Message second = new OrmRows.Message("b", "c", "assistant", "2", UPDATED);
        OrmRows.Conversation conversation = new OrmRows.Conversation("c", "u", "t", CREATED, UPDATED);

        assertThat(new OrmRows(List.of(conversation), List.of(first, second))).isEqualTo(new OrmRows(List.of(conversation), List.of(second, first)));
    }
}
