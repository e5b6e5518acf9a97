package dev.chatmigrate.testing.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the seed chatbot's stack makes — SQLModel's mapping, real Alembic, rows through SQLAlchemy — exactly, as
 * adoption finds it. Skipped without Debian's python3-alembic, python3-sqlalchemy and python3-psycopg2.
 */
@DisplayName("A database made by Alembic from the seed chatbot's SQLModel models")
class AlembicDatabaseTest {

    private static final Map<String, String> COMMON_INDEXES = Map.of(
            "ix_conversations_user_id", "CREATE INDEX ix_conversations_user_id ON public.conversations USING btree (user_id)");

    @Nested
    @DisplayName("with uuid ids, as the seed chatbot declares them")
    class UuidIds extends MadeByOrm {

        @Override
        protected OrmRows make(TestDatabase database) {
            return AlembicDatabase.create(database, IdKind.UUID);
        }

        @Test
        @DisplayName("conversations: uuid id without default, varchar without length, timestamp without time zone, conversations_pkey, ix_conversations_user_id")
        void conversationsAsSqlModelMapsThem() throws SQLException {
            assertConversations(shape("conversations"), "uuid not null");
        }

        @Test
        @DisplayName("messages: role and content varchar without length, a foreign key without cascade, ix_messages_conversation_id")
        void messagesAsSqlModelMapsThem() throws SQLException {
            assertMessages(shape("messages"), "uuid not null", "uuid not null");
        }

        @Test
        @DisplayName("alembic_version holds the one revision Alembic generated; roles are stored lower case")
        void alembicVersionAndRoles() throws SQLException {
            assertAlembicVersionAndRoles(this);
        }
    }

    @Nested
    @DisplayName("with integer ids, SQLModel's tutorial default (serial)")
    class IntegerIds extends MadeByOrm {

        @Override
        protected OrmRows make(TestDatabase database) {
            return AlembicDatabase.create(database, IdKind.INTEGER);
        }

        @Test
        @DisplayName("conversations: serial integer id, varchar without length, timestamp without time zone, conversations_pkey")
        void conversationsAsSqlModelMapsThem() throws SQLException {
            assertConversations(shape("conversations"), "integer not null default nextval('conversations_id_seq'::regclass)");
            assertThat(query("select pg_get_serial_sequence('conversations', 'id')")).containsExactly("public.conversations_id_seq");
        }

        @Test
        @DisplayName("messages: serial integer id, integer conversation_id under a foreign key without cascade")
        void messagesAsSqlModelMapsThem() throws SQLException {
            assertMessages(shape("messages"), "integer not null default nextval('messages_id_seq'::regclass)", "integer not null");
            assertThat(query("select pg_get_serial_sequence('messages', 'id')")).containsExactly("public.messages_id_seq");
        }

        @Test
        @DisplayName("alembic_version holds the one revision Alembic generated; roles are stored lower case")
        void alembicVersionAndRoles() throws SQLException {
            assertAlembicVersionAndRoles(this);
        }
    }

    private static void assertConversations(CatalogShape conversations, String id) {
        assertThat(conversations.columns()).isEqualTo(Map.of(
                "id", id,
                "user_id", "character varying not null",
                "title", "character varying",
                "created_at", "timestamp without time zone not null",
                "updated_at", "timestamp without time zone not null"));
        assertThat(conversations.constraints()).isEqualTo(Map.of("conversations_pkey", "PRIMARY KEY (id)"));
        assertThat(conversations.indexes()).containsAllEntriesOf(COMMON_INDEXES).isEqualTo(Map.of(
                "conversations_pkey", "CREATE UNIQUE INDEX conversations_pkey ON public.conversations USING btree (id)",
                "ix_conversations_user_id", COMMON_INDEXES.get("ix_conversations_user_id")));
    }

    private static void assertMessages(CatalogShape messages, String id, String conversationId) {
        assertThat(messages.columns()).isEqualTo(Map.of(
                "id", id,
                "conversation_id", conversationId,
                "role", "character varying not null",
                "content", "character varying not null",
                "created_at", "timestamp without time zone not null"));
        assertThat(messages.constraints()).isEqualTo(Map.of(
                "messages_pkey", "PRIMARY KEY (id)",
                "messages_conversation_id_fkey", "FOREIGN KEY (conversation_id) REFERENCES conversations(id)"));
        assertThat(messages.indexes()).isEqualTo(Map.of(
                "messages_pkey", "CREATE UNIQUE INDEX messages_pkey ON public.messages USING btree (id)",
                "ix_messages_conversation_id", "CREATE INDEX ix_messages_conversation_id ON public.messages USING btree (conversation_id)"));
    }

    private static void assertAlembicVersionAndRoles(MadeByOrm database) throws SQLException {
        assertThat(database.query("select version_num from alembic_version")).singleElement().asString().matches("[0-9a-f]{12}");
        assertThat(database.query("select distinct role from messages order by role")).containsExactly("assistant", "system", "user");
    }
}
