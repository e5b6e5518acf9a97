package dev.chatmigrate.integration.reliability.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real pg_auto_failover formation on loopback ports: a monitor and two PostgreSQL nodes, one primary and one
 * synchronous standby, created under a temporary directory by the Debian packages {@code pg-auto-failover-cli} and
 * {@code postgresql-NN-auto-failover} and removed by {@link #close()}. As root, every {@code pg_autoctl} runs as
 * the {@code postgres} system user through {@code runuser} (PostgreSQL refuses root), in a directory it owns.
 *
 * <p>{@link Timing#FAST} tightens the monitor's health checks so a dead primary is replaced within seconds (tests);
 * {@link Timing#DEFAULTS} keeps pg_auto_failover's own (measurements of the failover window users get).
 */
public final class Formation implements AutoCloseable {

    /** The user the nodes' superuser is; trust authentication on loopback. */
    public static final String USER = "postgres";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** How quickly the monitor declares a node dead. */
    public enum Timing {
        /** pg_auto_failover's defaults: health check every 5 s, a node unhealthy after 20 s, 30 s for a primary to demote itself. */
        DEFAULTS(Map.of("pgautofailover.health_check_period", "5000", "pgautofailover.health_check_timeout", "5000",
                "pgautofailover.health_check_max_retries", "2", "pgautofailover.health_check_retry_delay", "2000",
                "pgautofailover.node_considered_unhealthy_timeout", "20000", "pgautofailover.startup_grace_period", "10000",
                "pgautofailover.primary_demote_timeout", "30000")),
        /**
         * Health check every second, a node unhealthy after 4 s, a dead primary given 3 s to demote itself (30 s by
         * default, for a primary cut off by a network partition rather than dead): a failover within seconds.
         */
        FAST(Map.of("pgautofailover.health_check_period", "1000", "pgautofailover.health_check_timeout", "1000",
                "pgautofailover.health_check_max_retries", "1", "pgautofailover.health_check_retry_delay", "500",
                "pgautofailover.node_considered_unhealthy_timeout", "4000", "pgautofailover.startup_grace_period", "2000",
                "pgautofailover.primary_demote_timeout", "3000")),
        /** As {@link #FAST}, but a node is declared unhealthy only after 15 s: a failover slower than a short connect budget. */
        SLOW_DETECTION(Map.of("pgautofailover.health_check_period", "1000", "pgautofailover.health_check_timeout", "1000",
                "pgautofailover.health_check_max_retries", "1", "pgautofailover.health_check_retry_delay", "500",
                "pgautofailover.node_considered_unhealthy_timeout", "15000", "pgautofailover.startup_grace_period", "2000",
                "pgautofailover.primary_demote_timeout", "3000"));

        private final Map<String, String> monitorSettings;

        Timing(Map<String, String> monitorSettings) {
            this.monitorSettings = monitorSettings;
        }
    }

    private final AutoCtl autoctl;
    private final int monitorPort;
    private final List<Node> nodes;

    private Formation(AutoCtl autoctl, int monitorPort, List<Node> nodes) {
        this.autoctl = autoctl;
        this.monitorPort = monitorPort;
        this.nodes = nodes;
    }

    /** Why a formation cannot be started on this machine, or {@code null} when it can. */
    public static String unavailableReason() {
        return AutoCtl.unavailableReason();
    }

    /** Starts the monitor, then the first node (the primary), then the second (its standby), and waits until both are in step. */
    public static Formation start(Timing timing) {
        AutoCtl autoctl = AutoCtl.inNewDirectory();
        Formation formation = null;
        try {
            int monitorPort = freePort();
            autoctl.startMonitor(monitorPort);
            formation = new Formation(autoctl, monitorPort, new ArrayList<>());
            formation.awaitMonitor();
            formation.use(timing);
            Node first = formation.addNode("node1");
            formation.awaitStates(Map.of(first.name(), "single"));
            try (Connection connection = first.connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("checkpoint"); // the standby's base backup then waits for a spread checkpoint with nothing to write
            }
            Node second = formation.addNode("node2");
            formation.awaitStates(Map.of(first.name(), "primary", second.name(), "secondary"));
            return formation;
        } catch (RuntimeException | SQLException | IOException e) {
            String logs = autoctl.logs();
            if (formation != null) {
                formation.close();
            } else {
                autoctl.close();
            }
            throw new IllegalStateException("the pg_auto_failover formation did not start: " + e.getMessage() + "\n" + logs, e);
        }
    }

    private Node addNode(String name) {
        try {
            Node node = new Node(name, freePort());
            autoctl.startNode(node, monitorPort);
            nodes.add(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two nodes, in the order they were created. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The node the monitor reports as the primary (or as a primary without standby). */
    public Node primary() {
        Map<String, String> states = reportedStates();
        return nodes.stream().filter(n -> List.of("primary", "wait_primary", "single").contains(states.get(n.name()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no primary; states " + states));
    }

    /** The node that is not {@link #primary()}. */
    public Node standby() {
        Node primary = primary();
        return nodes.stream().filter(n -> n != primary).findFirst().orElseThrow();
    }

    /** A libpq URL naming both nodes, {@code first} first, as pasted into {@code DATABASE_URL}; {@code query} may be empty. */
    public String libpqUrl(Node first, String database, String query) {
        Node other = other(first);
        return "postgresql://" + USER + "@" + first.hostAndPort() + "," + other.hostAndPort() + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** A JDBC URL naming both nodes, {@code first} first, with the user as a parameter; {@code query} may be empty. */
    public String jdbcUrl(Node first, String database, String query) {
        Node other = other(first);
        return "jdbc:postgresql://" + first.hostAndPort() + "," + other.hostAndPort() + "/" + database + "?" + (query.isEmpty() ? "" : query + "&")
                + "user=" + USER;
    }

    private Node other(Node node) {
        return nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    /** Creates database {@code name} on the primary (it replicates). */
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = primary().connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /** {@code pg_autoctl perform switchover}: the primary is demoted, the standby promoted; returns when the monitor says it is done. */
    public void switchover() {
        autoctl.switchover();
    }

    /** {@code kill -9} of {@code node}'s keeper, its PostgreSQL postmaster and every backend: the machine died. */
    public void kill(Node node) {
        node.kill();
    }

    /** Starts {@code pg_autoctl run} again for a killed node and waits until it has rejoined as the standby. */
    public void restart(Node node) {
        autoctl.runNode(node);
        awaitStable();
    }

    /** Waits until one node is the primary and the other its standby, as the monitor sees them. */
    public void awaitStable() {
        Node primary = awaitPrimary(STARTUP);
        awaitStates(Map.of(primary.name(), "primary", other(primary).name(), "secondary"));
    }

    /** Waits until the monitor reports a primary (possibly without standby) and returns it. */
    public Node awaitPrimary(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Node primary = primary();
                if (primary.acceptsWrites()) {
                    return primary;
                }
            } catch (IllegalStateException noPrimaryYet) {
                // failing over
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no primary after " + timeout + ": " + reportedStates() + "\n" + autoctl.logs());
            }
            pause(100);
        }
    }

    /** Node name → the state it last reported to the monitor. */
    public Map<String, String> reportedStates() {
        return monitorQuery("select nodename, reportedstate || case when reportedstate = goalstate then '' else '>' || goalstate end"
                + " from pgautofailover.node");
    }

    private void awaitStates(Map<String, String> wanted) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Map<String, String> states = Map.of();
        while (System.nanoTime() < deadline) {
            states = reportedStates();
            if (states.entrySet().containsAll(wanted.entrySet())) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException("the formation did not reach " + wanted + " within " + STARTUP + "; it is " + states + "\n" + autoctl.logs());
    }

    private void awaitMonitor() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try {
                reportedStates();
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline || !autoctl.monitorAlive()) {
                    throw notYet;
                }
                pause(200);
            }
        }
    }

    /** Changes how quickly the monitor declares a node dead, from now on (a reload of the monitor's settings). */
    public void use(Timing timing) throws SQLException {
        try (Connection connection = monitorConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : timing.monitorSettings.entrySet()) {
                statement.execute("alter system set " + setting.getKey() + " = " + setting.getValue());
            }
            statement.execute("select pg_reload_conf()");
        }
    }

    private Map<String, String> monitorQuery(String sql) {
        try (Connection connection = monitorConnection(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            Map<String, String> result = new java.util.TreeMap<>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("the monitor does not answer: " + e.getMessage(), e);
        }
    }

    private Connection monitorConnection() throws SQLException {
        return openJdbc("jdbc:postgresql://127.0.0.1:" + monitorPort + "/pg_auto_failover");
    }

    /** pg_autoctl's and PostgreSQL's logs, for failure messages. */
    public String logs() {
        return autoctl.logs();
    }

    /** Kills every process of the formation and removes its directory. */
    @Override
    public void close() {
        nodes.forEach(Node::kill);
        autoctl.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; what is left is harmless
        }
    }

    static Connection openJdbc(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "formation-test");
        return DriverManager.getConnection(url, properties);
    }
}
