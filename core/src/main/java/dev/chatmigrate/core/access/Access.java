package dev.chatmigrate.core.access;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.Sql;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the connected role may do on a schema and whether the server takes writes, as columns that the runner adds to
 * the query of the facts it reads under the lock (no round trip of its own).
 *
 * @param inRecovery       {@code pg_is_in_recovery()}: the server is a standby and takes no writes
 * @param readOnly         the session's {@code transaction_read_only} (from {@code default_transaction_read_only}, or a standby's)
 * @param role             {@code current_user}
 * @param database         {@code current_database()}
 * @param mayCreate        CREATE on the schema, or on the database when the schema is missing
 * @param allChatbotTables both chatbot tables exist
 * @param notOwned         the existing chatbot tables whose owner the role is not and has no privileges of, as {@code table (owner x)}
 * @param historyComplete  each of the engine's history tables exists
 * @param historyMissing   the privileges the role lacks on the engine's existing history tables, as {@code PRIVILEGE table}
 */
public record Access(boolean inRecovery, boolean readOnly, String role, String database, boolean mayCreate, boolean allChatbotTables, List<String> notOwned,
        boolean historyComplete, List<String> historyMissing) {

    /** The number of columns {@link #columns} gives. */
    public static final int COLUMNS = 9;
    private static final List<String> HISTORY_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

    /** The select-list entries, comma-separated, for {@code schema} and the engine's {@code historyTables}. */
    public static String columns(String schema, List<String> historyTables) {
        String namespace = "to_regnamespace(" + Sql.literal(Sql.identifier(schema)) + ")";
        List<String> chatbot = List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES);
        return String.join(", ",
                "pg_is_in_recovery()",
                "current_setting('transaction_read_only') = 'on'",
                "current_user::text",
                "current_database()::text",
                "coalesce(has_schema_privilege(" + namespace + ", 'CREATE'), has_database_privilege(current_database(), 'CREATE'))",
                all(schema, chatbot),
                "array(select c.relname || ' (owner ' || pg_get_userbyid(c.relowner) || ')' from pg_class c where c.oid in ("
                        + chatbot.stream().map(t -> regclass(schema, t)).collect(Collectors.joining(", "))
                        + ") and not pg_has_role(c.relowner, 'USAGE') order by c.relname)",
                historyTables.isEmpty() ? "true" : all(schema, historyTables),
                historyTables.isEmpty() ? "array[]::text[]" : "array_remove(array[" + historyTables.stream()
                        .flatMap(t -> HISTORY_PRIVILEGES.stream().map(p -> "case when " + regclass(schema, t) + " is not null and not has_table_privilege("
                                + regclass(schema, t) + ", " + Sql.literal(p) + ") then " + Sql.literal(p + " " + t) + " end"))
                        .collect(Collectors.joining(", ")) + "], null)");
    }

    /** The facts from {@code row}, whose columns from {@code first} on are {@link #columns}'. */
    public static Access read(ResultSet row, int first) throws SQLException {
        return new Access(row.getBoolean(first), row.getBoolean(first + 1), row.getString(first + 2), row.getString(first + 3),
                row.getBoolean(first + 4), row.getBoolean(first + 5), strings(row.getArray(first + 6)), row.getBoolean(first + 7),
                strings(row.getArray(first + 8)));
    }

    private static String regclass(String schema, String table) {
        return "to_regclass(" + Sql.literal(SchemaTables.qualified(schema, table)) + ")";
    }

    private static String all(String schema, List<String> tables) {
        return "(" + tables.stream().map(t -> regclass(schema, t) + " is not null").collect(Collectors.joining(" and ")) + ")";
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Stream.of((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    @Override
    public String toString() {
        return "Access[recovery " + inRecovery + ", read only " + readOnly + ", role " + role + ", create " + mayCreate + ", not owned "
                + notOwned + ", history complete " + historyComplete + ", history lacks " + historyMissing + "]";
    }
}
