package dev.chatmigrate.core.history;

import dev.chatmigrate.core.lock.AdvisoryLock;
import dev.chatmigrate.core.lock.LockedFacts;
import dev.chatmigrate.core.session.ConnectionRetry;
import dev.chatmigrate.core.session.Connections;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.UpToDateCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restart path: one connection and, after its set-up, one round trip that takes the advisory lock, checks
 * that no other engine's history is in the schema and no chatbot index or constraint is left half done, and reads the engine's
 * history ({@link UpToDateCheck}). Other drift of a schema whose history is complete is {@code verify}'s to report.
 *
 * <p>The three statements go to the server in one message series in autocommit mode, which PostgreSQL runs as one
 * implicit transaction: the lock ({@code pg_try_advisory_xact_lock}) is taken by the first and held while the
 * other two read, each with a snapshot taken after the lock was granted, and released when the series ends. So
 * the lock is held for less than one round trip, and a restart never waits for the next. No engine session state
 * is involved, so a transaction pooler on the way does no harm and is not looked for here. When the lock is held
 * elsewhere, another engine's history, an INVALID index or a NOT VALID constraint is there, the server is a standby
 * (the full path then refuses, see {@code Preflight}), the history is missing (the series then fails as a whole) or
 * proves less than the target, the restart path gives way to the full one and hands it the open connection.
 */
public final class RestartCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RestartCheck.class);

    /** What the check found: the version proven under the lock, if any, and otherwise the still open connection. */
    public record Outcome(OptionalInt proven, boolean historyProves, Connection connection) {

        /** Whether the history proved {@code target} or later while the lock was held: nothing to do. */
        public boolean reaches(int target) {
            return proven.isPresent() && proven.getAsInt() >= target;
        }
    }

    private RestartCheck() {
    }

    /**
     * Opens a connection from {@code dataSource} and runs the check for {@code engine} on {@code schema}. When it
     * proves a version the connection is closed at once (the server is not waited for); otherwise it is returned,
     * open and in autocommit mode, for the full path, or {@code null} when it broke.
     */
    public static Outcome run(DataSource dataSource, Duration connectTimeout, MigrationEngineProvider engine, EngineHistories histories,
            String schema) {
        Optional<UpToDateCheck> check = engine.upToDateCheck();
        Connection connection = ConnectionRetry.open(dataSource, connectTimeout);
        if (check.isEmpty()) {
            return new Outcome(OptionalInt.empty(), false, connection);
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql(check.get(), histories.otherCurrentRecordingTables(engine), schema));
                boolean locked = first(statement.getResultSet());
                boolean soleHistory = statement.getMoreResults() && first(statement.getResultSet());
                OptionalInt proven = OptionalInt.empty();
                if (statement.getMoreResults()) {
                    try (ResultSet rows = statement.getResultSet()) {
                        proven = check.get().verify(rows);
                    }
                }
                if (locked && soleHistory && proven.isPresent()) {
                    Connections.closeQuietly(connection);
                    return new Outcome(proven, true, null);
                }
                LOG.debug("restart check on schema {}: lock {}, sole history {}, {} history proves {}", schema, locked ? "taken" : "held elsewhere",
                        soleHistory, engine.id(), proven);
                return new Outcome(OptionalInt.empty(), proven.isPresent(), connection);
            }
        } catch (SQLException e) {
            LOG.debug("restart check on schema {}: {} (not a restart)", schema, e.getMessage());
            if (isClosed(connection)) {
                return new Outcome(OptionalInt.empty(), false, null);
            }
            return new Outcome(OptionalInt.empty(), false, connection);
        }
    }

    /**
     * The lock; whether no other engine's recording table exists and nothing on a chatbot table was left half done
     * (an INVALID index from an interrupted concurrent build, a constraint added {@code not valid} and not validated
     * yet: the full path completes both); the engine's history: three statements, one round trip.
     */
    static String sql(UpToDateCheck check, List<String> otherTables, String schema) {
        String noOtherHistory = "not (" + LockedFacts.regclasses(schema, otherTables) + ")";
        String nothingLeftHalfDone = "not exists (select 1 from pg_index x" + onChatbotTable("x.indrelid", schema) + " and not x.indisvalid)"
                + " and not exists (select 1 from pg_constraint c" + onChatbotTable("c.conrelid", schema) + " and not c.convalidated)";
        return "select pg_try_advisory_xact_lock(" + AdvisoryLock.NAMESPACE + ", " + AdvisoryLock.keyFor(schema) + ");\n"
                + "select " + noOtherHistory + " and " + nothingLeftHalfDone + " and not pg_is_in_recovery();\n"
                + check.query(schema);
    }

    /** A join and condition keeping the rows whose {@code relation} column is a chatbot table of {@code schema}. */
    private static String onChatbotTable(String relation, String schema) {
        return " join pg_class t on t.oid = " + relation + " join pg_namespace n on n.oid = t.relnamespace where n.nspname = "
                + Sql.literal(schema) + " and t.relname in ('" + ChatbotSchema.CONVERSATIONS + "', '" + ChatbotSchema.MESSAGES + "')";
    }

    private static boolean first(ResultSet result) throws SQLException {
        try (result) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
