package dev.chatmigrate.testing.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port that refuses connections (nothing listens) for a while, then
 * forwards them to the real server: a database that is still waking up, as Neon's are.
 */
public final class RefusingThenForwardingProxy implements AutoCloseable {

    private final int port;
    private final CopyOnWriteArrayList<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread opener;
    private volatile boolean closed;
    private volatile boolean listening;

    private RefusingThenForwardingProxy(int port, String targetHost, int targetPort, Duration refuseFor) {
        this.port = port;
        this.opener = new Thread(() -> listenAfter(refuseFor, targetHost, targetPort), "proxy-" + port);
        opener.setDaemon(true);
        opener.start();
    }

    /** Starts a proxy to {@code targetHost:targetPort} that refuses every connection for {@code refuseFor}. */
    public static RefusingThenForwardingProxy start(String targetHost, int targetPort, Duration refuseFor) {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new RefusingThenForwardingProxy(probe.getLocalPort(), targetHost, targetPort, refuseFor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loopback port clients connect to. */
    public int port() {
        return port;
    }

    /** Whether the proxy accepts connections yet; before, every connection is refused. */
    public boolean listening() {
        return listening;
    }

    private void listenAfter(Duration refuseFor, String targetHost, int targetPort) {
        try {
            Thread.sleep(refuseFor.toMillis());
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            resources.add(server);
            listening = true;
            while (!closed) {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                resources.add(client);
                resources.add(upstream);
                connections.add(client);
                connections.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            }
        } catch (IOException | InterruptedException e) {
            // closed, or the test is over
        }
    }

    /** Cuts every connection forwarded so far, as a network failure does, and keeps accepting new ones; returns how many were cut. */
    public int cutConnections() {
        int cut = 0;
        for (Socket connection : connections) {
            if (!connection.isClosed()) {
                cut++;
            }
            closeQuietly(connection);
            connections.remove(connection);
        }
        return cut / 2;
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: the other is closed with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pipe-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        opener.interrupt();
        resources.forEach(RefusingThenForwardingProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
