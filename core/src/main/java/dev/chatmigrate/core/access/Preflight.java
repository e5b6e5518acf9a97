package dev.chatmigrate.core.access;

import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What an operation needs from the role and the server, checked against the {@link Access} facts before anything
 * changes, so that a refusal leaves nothing behind (no failed history row, no engine lock row): a primary that takes
 * writes; CREATE on the schema when tables or the history are to be created; ownership of the chatbot tables (or the
 * owner's privileges) when a version or an adoption alters them; SELECT, and to write INSERT, UPDATE and DELETE, on the
 * engine's history. Each refusal is one paragraph naming what is missing and the statement that fixes it; the
 * settings that would break a migration but are safe to override are overridden instead ({@code SessionSettings}).
 * See {@code docs/design.md}, "Shared databases".
 */
public final class Preflight {

    /** Proves the version the engine's history records, asked only when the answer decides (one more query). */
    @FunctionalInterface
    public interface VersionProof {
        OptionalInt prove() throws SQLException;
    }

    private enum Intent { READ, MIGRATE, DOWNGRADE }

    private final String operation;
    private final Intent intent;
    private final int target;

    private Preflight(String operation, Intent intent, int target) {
        this.operation = operation;
        this.intent = intent;
        this.target = target;
    }

    /** {@code operation} only reads: it needs SELECT on the history, and works on a standby. */
    public static Preflight read(String operation) {
        return new Preflight(operation, Intent.READ, 0);
    }

    /** {@code migrate} to {@code target}. */
    public static Preflight migrate(int target) {
        return new Preflight("migrate", Intent.MIGRATE, target);
    }

    /** {@code downgrade}: it alters the chatbot tables. */
    public static Preflight downgrade() {
        return new Preflight("downgrade", Intent.DOWNGRADE, 0);
    }

    /** Refuses, changing nothing, what {@code access} does not allow on {@code schema} for engine {@code engineId}. */
    public void require(Access access, boolean schemaExists, String schema, String engineId, VersionProof proof) throws SQLException {
        if (intent == Intent.READ) {
            List<String> unreadable = access.historyMissing().stream().filter(p -> p.startsWith("SELECT ")).toList();
            if (!unreadable.isEmpty()) {
                throw refusal("Role " + access.role() + " may not read " + engineId + "'s history (it lacks " + lacks(unreadable)
                        + " in schema " + schema + "), so " + operation + " cannot tell which version the schema is at and reports none;"
                        + " nothing was changed. Run " + grant(access, schema, unreadable) + " as the table's owner, or use a role that may read it.");
            }
            return;
        }
        if (access.inRecovery()) {
            throw standby(operation, schema);
        }
        if (access.readOnly()) {
            throw new InvalidConfigurationException("Sessions of role " + access.role() + " are read-only (transaction_read_only is on, usually"
                    + " from default_transaction_read_only set on the role or the database), so " + operation + " cannot change schema " + schema
                    + "; nothing was changed. chatmigrate does not override it, since a role is often made read-only on purpose: use a role"
                    + " that may write, or, if this one should, run ALTER ROLE " + Sql.identifier(access.role())
                    + " RESET default_transaction_read_only (or ALTER DATABASE " + Sql.identifier(access.database())
                    + " RESET default_transaction_read_only).", "user", "a role whose sessions may write", "read-only sessions");
        }
        boolean creates = intent == Intent.MIGRATE && (!access.allChatbotTables() || !access.historyComplete());
        if (creates && !access.mayCreate()) {
            String what = !access.allChatbotTables() ? "the chatbot tables" : engineId + "'s history table";
            String grant = schemaExists ? "GRANT CREATE ON SCHEMA " + Sql.identifier(schema) : "GRANT CREATE ON DATABASE " + Sql.identifier(access.database());
            throw refusal("Role " + access.role() + " may not create " + (schemaExists ? "tables in schema " + schema + " (it lacks CREATE on the schema)"
                    : "schema " + schema + ", which does not exist (it lacks CREATE on database " + access.database() + ")") + ", which "
                    + operation + " needs to create " + what + "; nothing was changed. Run " + grant + " TO " + Sql.identifier(access.role())
                    + " as its owner, or run " + operation + " once as the owner; afterwards this role's USAGE and SELECT, INSERT, UPDATE,"
                    + " DELETE suffice for restarts.");
        }
        if (!access.historyMissing().isEmpty()) {
            throw refusal("Role " + access.role() + " lacks " + lacks(access.historyMissing()) + " (" + engineId
                    + "'s history) in schema " + schema + ", which " + operation + " needs to read and record versions; nothing was changed."
                    + " Run " + grant(access, schema, access.historyMissing()) + " as the table's owner, or use the owner's role.");
        }
        if (!access.notOwned().isEmpty() && alters(access, proof)) {
            List<String> owners = access.notOwned().stream().map(t -> t.replaceAll(".*\\(owner (.*)\\)$", "$1")).distinct().toList();
            throw refusal("Role " + access.role() + " does not own table " + String.join(", ", access.notOwned()) + " in schema " + schema
                    + ", which " + operation + " must alter" + (intent == Intent.MIGRATE ? " to reach version " + target : "")
                    + " (PostgreSQL lets only a table's owner alter it); nothing was changed. Run " + operation + " as the owner ("
                    + String.join(", ", owners) + "), or make this role a member of it: GRANT " + String.join(", ", owners.stream()
                            .map(Sql::identifier).toList()) + " TO " + Sql.identifier(access.role()) + ".");
        }
    }

    /** The refusal for a standby, also given before the lock when the restart check saw one. */
    public static InvalidConfigurationException standby(String operation, String schema) {
        return new InvalidConfigurationException("The database is a read-only standby (pg_is_in_recovery() is true), where schema " + schema
                + " cannot be changed, so " + operation + " refuses; nothing was changed. Point chatmigrate at the primary: its own host, or a URL"
                + " naming every host with target_session_attrs=read-write, such as"
                + " postgresql://USER@primary-host:5432,standby-host:5432/DATABASE?target_session_attrs=read-write"
                + " (on Neon, the endpoint that is not a read replica). status and verify work read-only on a standby.",
                "url", "the primary, which takes writes", "a standby in recovery");
    }

    /** Refuses a standby for {@code operation}, which tells what would change there: one query on {@code connection}. */
    public static void requirePrimary(Connection connection, String operation, String schema) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
            if (recovery.next() && recovery.getBoolean(1)) {
                throw standby(operation, schema);
            }
        }
    }

    /** Whether the operation alters the chatbot tables: a downgrade does; a migrate unless the history proves the target. */
    private boolean alters(Access access, VersionProof proof) throws SQLException {
        if (intent == Intent.DOWNGRADE || !access.historyComplete()) {
            return true; // without its history the engine proves nothing: adoption or a version alters the tables
        }
        OptionalInt proven = proof.prove();
        return proven.isEmpty() || proven.getAsInt() < target;
    }

    /** {@code SELECT, INSERT on t} from {@code PRIVILEGE table} entries, one phrase per table. */
    private static String lacks(List<String> missing) {
        return String.join(" and ", byTable(missing).entrySet().stream().map(e -> String.join(", ", e.getValue()) + " on " + e.getKey()).toList());
    }

    private static String grant(Access access, String schema, List<String> missing) {
        return String.join("; ", byTable(missing).entrySet().stream().map(e -> "GRANT " + String.join(", ", e.getValue()) + " ON "
                + Sql.identifier(schema) + "." + e.getKey() + " TO " + Sql.identifier(access.role())).toList());
    }

    private static Map<String, List<String>> byTable(List<String> missing) {
        Map<String, List<String>> privileges = new LinkedHashMap<>();
        for (String entry : missing) {
            int space = entry.indexOf(' ');
            privileges.computeIfAbsent(entry.substring(space + 1), table -> new ArrayList<>()).add(entry.substring(0, space));
        }
        return privileges;
    }

    private static InvalidConfigurationException refusal(String message) {
        return new InvalidConfigurationException(message, "user", "a role with the privileges named", "a role without them");
    }
}
