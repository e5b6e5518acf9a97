package dev.chatmigrate.verifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical chatbot schema at each version, names included, as PostgreSQL prints it back.
 *
 * <table>
 *   <caption>versions</caption>
 *   <tr><td>1</td><td>{@code conversations}, index {@code ix_conversations_user_id}</td></tr>
 *   <tr><td>2</td><td>{@code messages} with its foreign key, role check and {@code ix_messages_conversation_id_created_at}</td></tr>
 *   <tr><td>3</td><td>{@code messages.token_count} with {@code ck_messages_token_count}</td></tr>
 *   <tr><td>4</td><td>{@code ix_messages_created_at}, built concurrently</td></tr>
 * </table>
 */
public final class ExpectedSchema {

    /** The newest version. */
    public static final int LATEST_VERSION = 4;

    static final String ROLE_CHECK = "CHECK (((role)::text = ANY ((ARRAY['system'::character varying, 'user'::character varying,"
            + " 'assistant'::character varying, 'tool'::character varying])::text[])))";

    private static final String UUID = "uuid";
    private static final String TIMESTAMPTZ = "timestamp with time zone";

    private ExpectedSchema() {
    }

    /** The tables expected at {@code version} (0 to {@link #LATEST_VERSION}), by name. */
    public static Map<String, TableShape> atVersion(int version) {
        if (version < 0 || version > LATEST_VERSION) {
            throw new IllegalArgumentException("The chatbot schema has versions 0 to " + LATEST_VERSION + ", not " + version);
        }
        Map<String, TableShape> tables = new LinkedHashMap<>();
        if (version >= 1) {
            tables.put("conversations", conversations());
        }
        if (version >= 2) {
            tables.put("messages", messages(version));
        }
        return Collections.unmodifiableMap(tables);
    }

    private static TableShape conversations() {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        columns.put("id", new ColumnShape(UUID, true, "gen_random_uuid()"));
        columns.put("user_id", new ColumnShape("character varying(255)", true, null));
        columns.put("title", new ColumnShape("character varying(255)", false, null));
        columns.put("created_at", new ColumnShape(TIMESTAMPTZ, true, "now()"));
        columns.put("updated_at", new ColumnShape(TIMESTAMPTZ, true, "now()"));
        return new TableShape(columns,
                Map.of("pk_conversations", "PRIMARY KEY (id)"),
                Map.of("ix_conversations_user_id", new IndexShape("btree (user_id)", true)));
    }

    private static TableShape messages(int version) {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        columns.put("id", new ColumnShape(UUID, true, "gen_random_uuid()"));
        columns.put("conversation_id", new ColumnShape(UUID, true, null));
        columns.put("role", new ColumnShape("character varying(16)", true, null));
        columns.put("content", new ColumnShape("text", true, null));
        columns.put("created_at", new ColumnShape(TIMESTAMPTZ, true, "now()"));
        Map<String, String> constraints = new LinkedHashMap<>();
        constraints.put("pk_messages", "PRIMARY KEY (id)");
        constraints.put("fk_messages_conversation_id", "FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE");
        constraints.put("ck_messages_role", ROLE_CHECK);
        Map<String, IndexShape> indexes = new LinkedHashMap<>();
        indexes.put("ix_messages_conversation_id_created_at", new IndexShape("btree (conversation_id, created_at)", true));
        if (version >= 3) {
            columns.put("token_count", new ColumnShape("integer", false, null));
            constraints.put("ck_messages_token_count", "CHECK ((token_count >= 0))");
        }
        if (version >= 4) {
            indexes.put("ix_messages_created_at", new IndexShape("btree (created_at)", true));
        }
        return new TableShape(columns, constraints, indexes);
    }
}
