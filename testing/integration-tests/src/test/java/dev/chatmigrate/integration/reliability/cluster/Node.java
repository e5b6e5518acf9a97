package dev.chatmigrate.integration.reliability.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One PostgreSQL node of a {@link Formation}, with the {@code pg_autoctl run} process that keeps it. */
public final class Node {

    private final String name;
    private final int port;
    private Process keeper;

    Node(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** The node's name in the formation ({@code node1}, {@code node2}). */
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, as a URL names it. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** A JDBC URL of this node alone. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort() + "/" + database;
    }

    /** A superuser connection to {@code database} on this node alone. */
    public Connection connect(String database) throws SQLException {
        return Formation.openJdbc(jdbcUrl(database));
    }

    /** Whether this node answers and is not in recovery. */
    boolean acceptsWrites() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
            recovery.next();
            return !recovery.getBoolean(1);
        } catch (SQLException down) {
            return false;
        }
    }

    void keptBy(Process process) {
        keeper = process;
    }

    /** {@code kill -9} of the keeper and everything it started (pg_autoctl's services, the postmaster, its backends). */
    void kill() {
        if (keeper == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(keeper.descendants().toList());
        all.add(keeper.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillAZombie) {
                // killed; a zombie waiting for its parent is harmless
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        keeper = null;
    }

    @Override
    public String toString() {
        return name + " (" + hostAndPort() + ")";
    }
}
