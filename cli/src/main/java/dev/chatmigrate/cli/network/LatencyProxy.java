package dev.chatmigrate.cli.network;

import dev.chatmigrate.core.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a loopback port that puts a distance between a client and a PostgreSQL server, and
 * counts the round trips that cross it.
 *
 * <p><b>Latency.</b> Every byte is delivered {@code rtt / 2} after the proxy read it, in each direction,
 * so each exchange takes {@code rtt} longer; bytes keep their order per direction however many are in
 * flight. A new connection's first bytes also wait one {@code rtt} for the TCP handshake that a real
 * network costs (the loopback accept is instant). Delays are real sleeps, not simulated time.
 *
 * <p><b>Round trips.</b> On each connection, a round trip is counted when bytes come from the server and
 * bytes were delivered to the server since the server last sent any: a client→server transmission
 * followed by a server→client one. Messages the client pipelines (pgJDBC's Parse, Bind, Execute, Sync;
 * a multi-statement simple query) are one round trip, and an answer that arrives in several segments is
 * one. TCP's handshake and the closing of a connection are not counted; {@link #count()} is the sum over
 * every connection since the start or the last {@link #reset()}.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://(\\[[^]]+]|[^/:?,]+)(?::(\\d+))?(?=[/?]|$)");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Duration rtt;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<ProxiedConnection> open = new CopyOnWriteArrayList<>();

    private LatencyProxy(ServerSocket listener, String targetHost, int targetPort, Duration rtt) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.rtt = rtt;
        Thread acceptor = new Thread(this::acceptAll, "latency-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy on {@code 127.0.0.1:<ephemeral port>} to {@code targetHost:targetPort} that adds {@code rtt} to each round trip. */
    public static LatencyProxy start(String targetHost, int targetPort, Duration rtt) {
        if (rtt.isNegative()) {
            throw new IllegalArgumentException("Expected a round-trip time of zero or more, found " + rtt + ".");
        }
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new LatencyProxy(listener, targetHost, targetPort, rtt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a loopback port", e);
        }
    }

    /** Starts a proxy to the server of {@code database}'s URL (one host; port 5432 when the URL has none). */
    public static LatencyProxy to(Database database, Duration rtt) {
        Matcher matcher = hostAndPort(database.jdbcUrl());
        String host = matcher.group(1).replaceAll("^\\[|]$", "");
        return start(host, matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2)), rtt);
    }

    /** The loopback port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The time this proxy adds to each round trip. */
    public Duration rtt() {
        return rtt;
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's; the database and parameters stay. */
    public String rewrite(String jdbcUrl) {
        Matcher matcher = hostAndPort(jdbcUrl);
        return "jdbc:postgresql://127.0.0.1:" + port() + jdbcUrl.substring(matcher.end());
    }

    /** {@code database} reached through this proxy, with the same credentials. */
    public Database through(Database database) {
        return new Database(rewrite(database.jdbcUrl()), database.user(), database.password());
    }

    /** Round trips counted since the start or the last {@link #reset()}, over every connection (see the class comment). */
    public long count() {
        return roundTrips.get();
    }

    /** Connections accepted since the start or the last {@link #reset()}. */
    public int connections() {
        return connections.get();
    }

    /** Sets {@link #count()} and {@link #connections()} back to zero. */
    public void reset() {
        roundTrips.set(0);
        connections.set(0);
    }

    /** Stops listening and closes every connection still open. */
    @Override
    public void close() {
        DelayedPipe.closeQuietly(listener);
        open.forEach(ProxiedConnection::close);
    }

    private void acceptAll() {
        long oneWayNanos = rtt.toNanos() / 2;
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            long acceptedNanos = System.nanoTime();
            try {
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                ProxiedConnection connection = new ProxiedConnection(client, server, roundTrips);
                open.add(connection);
                int number = connections.incrementAndGet();
                connection.start(oneWayNanos, rtt.toNanos(), acceptedNanos, "latency-proxy-" + port() + "-" + number);
            } catch (IOException refused) {
                // the server is unreachable: the client sees its connection closed, as it would
                DelayedPipe.closeQuietly(client);
            }
        }
    }

    private static Matcher hostAndPort(String jdbcUrl) {
        Matcher matcher = HOST_AND_PORT.matcher(jdbcUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Expected a one-host PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), found '"
                    + jdbcUrl.replaceAll("(?i)password=[^&]*", "password=****") + "'.");
        }
        return matcher;
    }
}
