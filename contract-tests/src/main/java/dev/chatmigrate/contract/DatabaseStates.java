package dev.chatmigrate.contract;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database states of DESIGN.md that the contract starts from, made with plain SQL the way an ORM
 * or Alembic would have made them: their own constraint names, no defaults, no checks.
 */
public final class DatabaseStates {

    private DatabaseStates() {
    }

    /** PARTIAL: {@code conversations} as an ORM made it, with two rows; no {@code messages}, no history. */
    public static void partial(Connection connection) throws SQLException {
        execute(connection, ORM_CONVERSATIONS);
        insertConversations(connection);
    }

    /**
     * UNTRACKED: both tables as SQLAlchemy and Alembic made them (ORM names, a foreign key without
     * cascade, no role check), an {@code alembic_version} table, and rows in both tables.
     */
    public static void untrackedAlembic(Connection connection) throws SQLException {
        execute(connection, """
                create table alembic_version (version_num varchar(32) not null, constraint alembic_version_pkc primary key (version_num));
                insert into alembic_version values ('5f3c2a9e1b7d');
                """ + ORM_CONVERSATIONS + """
                create table messages (
                    id uuid not null,
                    conversation_id uuid not null,
                    role varchar(16) not null,
                    content text not null,
                    created_at timestamptz not null,
                    constraint messages_pkey primary key (id),
                    constraint messages_conversation_id_fkey foreign key (conversation_id) references conversations (id)
                );
                create index messages_conversation_id_created_at_idx on messages (conversation_id, created_at);
                """);
        insertConversations(connection);
        insertMessages(connection);
    }

    /** CONFLICT: {@code messages.conversation_id} is {@code text}, which cannot become {@code uuid} without changing data. */
    public static void conflictingMessages(Connection connection) throws SQLException {
        execute(connection, ORM_CONVERSATIONS + """
                create table messages (
                    id uuid primary key,
                    conversation_id text not null,
                    role varchar(16) not null,
                    content text not null,
                    created_at timestamptz not null default now()
                );
                """);
        insertConversations(connection);
        execute(connection, "insert into messages (id, conversation_id, role, content) select gen_random_uuid(), id::text, 'user', 'hi' from conversations");
    }

    /** Two conversations for user {@code alice}. */
    public static void insertConversations(Connection connection) throws SQLException {
        execute(connection, """
                insert into conversations (id, user_id, title, created_at, updated_at) values
                  ('11111111-1111-1111-1111-111111111111', 'alice', 'First chat', '2026-01-16 10:00:00+00', '2026-01-16 10:00:00+00'),
                  ('22222222-2222-2222-2222-222222222222', 'alice', null, '2026-01-17 10:00:00+00', '2026-01-17 10:00:00+00')
                """);
    }

    /** Three messages in the first conversation. */
    public static void insertMessages(Connection connection) throws SQLException {
        execute(connection, """
                insert into messages (id, conversation_id, role, content, created_at) values
                  ('aaaaaaaa-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'system', 'You are helpful.', '2026-01-16 10:00:01+00'),
                  ('aaaaaaaa-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'user', 'Hello', '2026-01-16 10:00:02+00'),
                  ('aaaaaaaa-0000-0000-0000-000000000003', '11111111-1111-1111-1111-111111111111', 'assistant', 'Hi!', '2026-01-16 10:00:03+00')
                """);
    }

    private static final String ORM_CONVERSATIONS = """
            create table conversations (
                id uuid not null,
                user_id varchar(255) not null,
                title varchar(255),
                created_at timestamptz not null,
                updated_at timestamptz not null,
                constraint conversations_pkey primary key (id)
            );
            create index conversations_user_id_idx on conversations (user_id);
            """;

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
