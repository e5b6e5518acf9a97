package dev.chatmigrate.core.lock;

import dev.chatmigrate.core.replica.Standbys;
import dev.chatmigrate.core.access.Access;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the runner needs to know about a schema before it changes anything, read in one round trip on the work
 * connection once the lock is held, so that a fresh database costs no catalog query of its own: whether the schema
 * exists, whether any chatbot table exists (nothing to adopt when none does), whether another engine's history table
 * exists (no switch when none does), the work session's server process (for {@code DirectSession}), how many
 * streaming standbys the server has (no wait for them when none does: {@code ReplicaWait}), and what the role may do
 * there ({@link Access}, for the pre-flight check), and whether {@code messages} is partitioned (the engine is opened
 * with that layout: {@code MigrationSettings#withPartitionedMessages}).
 *
 * @param backendPid the work connection's {@code pg_backend_pid()}
 * @param standbys   the server's streaming standbys ({@link Standbys#COUNT})
 * @param access     the role's privileges and the server's and session's read-only state
 * @param messagesPartitioned whether {@code messages} exists and is a partitioned table
 */
public record LockedFacts(boolean schemaExists, boolean anyChatbotTable, boolean anyOtherHistory, int backendPid, int standbys, Access access,
                          boolean messagesPartitioned) {

    /** One {@code select} of the facts for {@code schema}, given the other engines' recording tables and the engine's own. */
    static String query(String schema, List<String> otherHistoryTables, List<String> ownHistoryTables) {
        return "select to_regnamespace(" + Sql.literal(Sql.identifier(schema)) + ") is not null, "
                + regclasses(schema, List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES)) + ", "
                + regclasses(schema, otherHistoryTables) + ", pg_backend_pid(), " + Standbys.COUNT + ", " + Access.columns(schema, ownHistoryTables)
                + ", coalesce((select relkind = 'p' from pg_class where oid = to_regclass("
                + Sql.literal(SchemaTables.qualified(schema, ChatbotSchema.MESSAGES)) + ")), false)";
    }

    /** Reads the facts on {@code connection}, in autocommit mode. */
    public static LockedFacts read(Connection connection, String schema, List<String> otherHistoryTables, List<String> ownHistoryTables)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query(schema, otherHistoryTables, ownHistoryTables))) {
            row.next(); // a select without a from clause: always one row
            Access access = Access.read(row, 6);
            return new LockedFacts(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getInt(4), row.getInt(5), access,
                    row.getBoolean(row.getMetaData().getColumnCount()));
        }
    }

    /** Whether any of {@code tables} exists in {@code schema}, as SQL; reads the catalog. */
    public static String regclasses(String schema, List<String> tables) {
        if (tables.isEmpty()) {
            return "false";
        }
        return "coalesce(" + tables.stream().map(table -> "to_regclass(" + Sql.literal(SchemaTables.qualified(schema, table)) + ")")
                .collect(Collectors.joining(", ")) + ") is not null";
    }
}
