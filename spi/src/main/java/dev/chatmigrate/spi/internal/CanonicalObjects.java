package dev.chatmigrate.spi.internal;

import java.util.List;

/**
 * The canonical chatbot objects as adoption needs them: each column, constraint and index with the
 * version that introduces it and the SQL that creates it. The verifier module holds the independent,
 * complete expectation that checks the result.
 */
final class CanonicalObjects {

    static final String CONVERSATIONS = "conversations";
    static final String MESSAGES = "messages";

    /** A column; {@code type} is spelled as {@code format_type} prints it, {@code defaultValue} as {@code pg_get_expr}. */
    record Column(String table, String name, String type, boolean notNull, String defaultValue, int version) {
    }

    /**
     * A constraint; {@code definition} is spelled as {@code pg_get_constraintdef} prints it, {@code ddl} as
     * the scripts write it (a check re-parsed from its printed form would print differently).
     */
    record Constraint(String table, String name, char kind, List<String> columns, String definition, String ddl, int version) {
    }

    /** A plain btree index on {@code columns}. */
    record Index(String table, String name, List<String> columns, int version) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column(CONVERSATIONS, "id", "uuid", true, "gen_random_uuid()", 1),
            new Column(CONVERSATIONS, "user_id", "character varying(255)", true, null, 1),
            new Column(CONVERSATIONS, "title", "character varying(255)", false, null, 1),
            new Column(CONVERSATIONS, "created_at", "timestamp with time zone", true, "now()", 1),
            new Column(CONVERSATIONS, "updated_at", "timestamp with time zone", true, "now()", 1),
            new Column(MESSAGES, "id", "uuid", true, "gen_random_uuid()", 2),
            new Column(MESSAGES, "conversation_id", "uuid", true, null, 2),
            new Column(MESSAGES, "role", "character varying(16)", true, null, 2),
            new Column(MESSAGES, "content", "text", true, null, 2),
            new Column(MESSAGES, "created_at", "timestamp with time zone", true, "now()", 2),
            new Column(MESSAGES, "token_count", "integer", false, null, 3));

    static final List<Constraint> CONSTRAINTS = List.of(
            new Constraint(CONVERSATIONS, "pk_conversations", 'p', List.of("id"), "PRIMARY KEY (id)", "primary key (id)", 1),
            new Constraint(MESSAGES, "pk_messages", 'p', List.of("id"), "PRIMARY KEY (id)", "primary key (id)", 2),
            new Constraint(MESSAGES, "fk_messages_conversation_id", 'f', List.of("conversation_id"),
                    "FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE",
                    "foreign key (conversation_id) references conversations (id) on delete cascade", 2),
            new Constraint(MESSAGES, "ck_messages_role", 'c', List.of("role"),
                    "CHECK (((role)::text = ANY ((ARRAY['system'::character varying, 'user'::character varying,"
                            + " 'assistant'::character varying, 'tool'::character varying])::text[])))",
                    "check (role in ('system', 'user', 'assistant', 'tool'))", 2),
            new Constraint(MESSAGES, "ck_messages_token_count", 'c', List.of("token_count"), "CHECK ((token_count >= 0))",
                    "check (token_count >= 0)", 3));

    static final List<Index> INDEXES = List.of(
            new Index(CONVERSATIONS, "ix_conversations_user_id", List.of("user_id"), 1),
            new Index(MESSAGES, "ix_messages_conversation_id_created_at", List.of("conversation_id", "created_at"), 2),
            new Index(MESSAGES, "ix_messages_created_at", List.of("created_at"), 4));

    /** The version that creates {@code table}. */
    static int versionOf(String table) {
        return CONVERSATIONS.equals(table) ? 1 : 2;
    }

    private CanonicalObjects() {
    }
}
