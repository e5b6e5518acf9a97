package dev.chatmigrate.core.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.adoption.AdoptionConflictException;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What adoption never does (lose information) and how it avoids rewriting tables, on hand-made ORM-like tables. */
@DisplayName("Adoption never loses information, and rewrites no table it need not")
class AdoptionSafetyTest {

    private static final String ORM_TABLES = """
            create table conversations (id uuid primary key, user_id varchar not null, title varchar,
                created_at timestamp not null, updated_at timestamp not null);
            create table messages (id uuid primary key, conversation_id uuid not null,
                role varchar not null, content varchar not null, created_at timestamp not null);
            insert into conversations values ('00000000-0000-0000-0000-000000000001', 'u', 't', '2025-01-01 12:00', '2025-01-01 12:00');
            insert into messages values ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', 'user', 'hi', '2025-01-01 12:00');
            """;

    @FreshDatabase
    TestDatabase database;

    private void sql(String statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private AdoptionConflictException refused() throws SQLException {
        String before = Adopted.state(database);
        AdoptionConflictException[] caught = new AdoptionConflictException[1];
        assertThatThrownBy(() -> Adopted.migrate(database, "jdbc", AdoptionOptions.DEFAULT))
                .isInstanceOfSatisfying(AdoptionConflictException.class, e -> caught[0] = e);
        assertThat(Adopted.state(database)).as("nothing changed").isEqualTo(before);
        return caught[0];
    }

    @Test
    @DisplayName("a value too long, a role outside the set, an orphan message, a null: one conflict each, naming count and ids; nothing changed")
    void everyLossIsAConflictNamingRows() throws SQLException {
        sql(ORM_TABLES + """
                alter table conversations alter column title drop not null;
                insert into conversations values ('00000000-0000-0000-0000-000000000002', repeat('x', 300), null, '2025-01-01', '2025-01-01');
                insert into messages values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000001', 'narrator', 'x', '2025-01-01');
                insert into messages values ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-00000000dead', 'user', 'x', '2025-01-01');
                alter table conversations alter column user_id drop not null;
                insert into conversations values ('00000000-0000-0000-0000-000000000003', null, null, '2025-01-01', '2025-01-01');
                """);

        assertThat(refused().differences()).satisfiesExactlyInAnyOrder(
                d -> assertThat(d).startsWith("column messages.role: expected one of system, user, assistant, tool, found narrator in 1 row (id 00000000-0000-0000-0000-0000000000a2)"),
                d -> assertThat(d).startsWith("column conversations.user_id: expected character varying(255), found character varying with values longer than 255 characters in 1 row (id 00000000-0000-0000-0000-000000000002)"),
                d -> assertThat(d).startsWith("column conversations.user_id: expected not null, found null in 1 row (id 00000000-0000-0000-0000-000000000003)"),
                d -> assertThat(d).startsWith("constraint fk_messages_conversation_id on messages: expected FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE, found it violated by 1 row (id 00000000-0000-0000-0000-0000000000a3)"));
    }

    @Test
    @DisplayName("timestamp to timestamptz read as UTC and varchar to text keep the table's storage: no rewrite")
    void noRewriteForTimestampsAndText() throws SQLException {
        sql(ORM_TABLES + "alter table conversations alter column user_id type varchar(255), alter column title type varchar(255);"
                + " alter table messages alter column role type varchar(16);");
        String storage = "select relname || ':' || relfilenode::text from pg_class where relname in ('conversations', 'messages') order by relname";
        var before = Adopted.query(database, storage);

        Adopted.migrate(database, "jdbc", AdoptionOptions.DEFAULT);

        assertThat(Adopted.query(database, storage)).isEqualTo(before);
        assertThat(Adopted.query(database, "select created_at = timestamptz '2025-01-01 12:00Z' from messages")).containsExactly("t");
    }

    @Test
    @DisplayName("timestamps read in another zone keep their wall-clock time there")
    void timestampZone() throws SQLException {
        sql(ORM_TABLES);

        Adopted.migrate(database, "jdbc", AdoptionOptions.DEFAULT.withTimestampZone("Europe/Berlin"));

        assertThat(Adopted.query(database, "select created_at = timestamptz '2025-01-01 11:00Z' from messages")).containsExactly("t");
    }

    @Test
    @DisplayName("a zone PostgreSQL does not know is bad configuration; nothing changed")
    void unknownZone() throws SQLException {
        sql(ORM_TABLES);
        assertThatThrownBy(() -> Adopted.migrate(database, "jdbc", AdoptionOptions.DEFAULT.withTimestampZone("Mars/Olympus")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("timestamp-zone").hasMessageContaining("Mars/Olympus");
    }

    @Test
    @DisplayName("a mixed-case foreign key is replaced by its quoted name; a varchar_pattern_ops index and a DBA's index stay, reported as extra")
    void mixedCaseNamesAndExtras() throws SQLException {
        sql(ORM_TABLES + """
                alter table messages add constraint "FKt492Mixed" foreign key (conversation_id) references conversations;
                create index ix_like on conversations (user_id varchar_pattern_ops);
                create index "DbaIndex" on messages (content);
                """);

        var report = Adopted.migrate(database, "jdbc", AdoptionOptions.DEFAULT);

        assertThat(report.adoption()).contains(
                "replaced foreign key FKt492Mixed (FOREIGN KEY (conversation_id) REFERENCES conversations(id)) by fk_messages_conversation_id",
                "created index ix_conversations_user_id on conversations");
        assertThat(Adopted.drift(database).differences()).isEmpty();
        assertThat(Adopted.drift(database).extras()).extracting(d -> d.object()).containsExactlyInAnyOrder("index ix_like", "index DbaIndex");
    }
}
