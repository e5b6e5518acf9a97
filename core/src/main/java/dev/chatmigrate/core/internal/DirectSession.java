package dev.chatmigrate.core.internal;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses a transaction pooler between chatmigrate and PostgreSQL. Behind one (PgBouncer in transaction mode,
 * Supavisor, ...) consecutive transactions of one client run on whichever server session is free. chatmigrate's
 * own lock survives that ({@link AdvisoryLock} pins its session with an open transaction), but the engines' session
 * state does not (seen through PgBouncer 1.18: Flyway "Unable to release PostgreSQL advisory lock", MyBatis
 * "CREATE INDEX CONCURRENTLY cannot run inside a transaction block").
 *
 * <p>The check is a proof, never a guess: short queries alternate between two connections that are open at the
 * same time and ask {@code pg_backend_pid()}: one on each before either starts a transaction, then each again
 * in a round trip it makes anyway (the lock's attempt, the {@link LockedFacts}), so the check costs two round trips. Without a pooler each connection is always answered
 * by its own server process. Through a pooler, either both are answered by the same process (an idle PgBouncer
 * hands out the session just released, last in first out) or a connection is answered by another process than
 * before (a busy pool). A plain TCP proxy, an SSH tunnel, or Neon's proxy in front of a direct endpoint keep one
 * server process per client and pass. (The pid in the login's BackendKeyData is no proof: Neon's proxy replaces it
 * on direct connections too.) A pooler could in theory pass every round; the lock stays exclusive even then.
 */
public final class DirectSession {

    private DirectSession() {
    }

    /**
     * Throws {@link InvalidConfigurationException} when {@code first} and {@code second}, two open connections to
     * {@code database}, are served by the same server process (an idle pooler hands out the session just released).
     * Run it before either starts a transaction. Returns both process ids, for {@link #requireSame}.
     */
    public static int[] require(Connection first, Connection second, String database) throws SQLException {
        int firstPid = backendPid(first);
        int secondPid = backendPid(second);
        if (firstPid == secondPid) {
            throw pooler(database, "two connections of this process were both served by server process " + firstPid);
        }
        return new int[] {firstPid, secondPid};
    }

    /** Throws {@link InvalidConfigurationException} when one connection was served by {@code before}, then by {@code now} (a busy pooler). */
    public static void requireSame(int before, int now, String database) {
        if (now != 0 && before != now) {
            throw pooler(database, "the same connection was served by server process " + before + ", then by " + now);
        }
    }

    private static InvalidConfigurationException pooler(String database, String evidence) {
        return new InvalidConfigurationException("The database URL " + database + " leads to a transaction pooler, not to"
                + " PostgreSQL itself: " + evidence + "."
                + " Migrations need sessions of their own: the engines keep locks and settings in their session, which a"
                + " pooler hands to other clients between transactions. Nothing was changed. Use the direct URL for"
                + " migrations: for PgBouncer the PostgreSQL server's own host and port (usually 5432, not the pooler's 6432),"
                + " for Neon the host without -pooler. Your application may keep using the pooler.");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }
}
