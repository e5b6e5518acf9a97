package dev.chatmigrate.cli.network;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection through a {@link LatencyProxy}: a delayed pipe each way, and the round-trip rule
 * of the proxy applied to this connection alone.
 */
final class ProxiedConnection {

    private final Socket client;
    private final Socket server;
    private final AtomicLong roundTrips;
    private final AtomicBoolean clientSentSinceLastAnswer = new AtomicBoolean();
    private final AtomicInteger directionsDone = new AtomicInteger();

    ProxiedConnection(Socket client, Socket server, AtomicLong roundTrips) {
        this.client = client;
        this.server = server;
        this.roundTrips = roundTrips;
    }

    /**
     * Starts both pipes. Client bytes leave no sooner than one {@code rtt} after {@code acceptedNanos}: the
     * TCP handshake a real network costs before the client can send, which the loopback accept does not.
     */
    void start(long oneWayNanos, long rttNanos, long acceptedNanos, String name) {
        DelayedPipe.Observer clientToServer = new DelayedPipe.Observer() {
            @Override
            public void delivering() {
                // set before the write, so that an answer can never be read before it is expected
                clientSentSinceLastAnswer.set(true);
            }
        };
        DelayedPipe.Observer serverToClient = new DelayedPipe.Observer() {
            @Override
            public void read() {
                if (clientSentSinceLastAnswer.getAndSet(false)) {
                    roundTrips.incrementAndGet();
                }
            }
        };
        new DelayedPipe(client, server, oneWayNanos, acceptedNanos + rttNanos, clientToServer, this::directionDone)
                .start(name + "-to-server");
        new DelayedPipe(server, client, oneWayNanos, 0, serverToClient, this::directionDone)
                .start(name + "-to-client");
    }

    void close() {
        DelayedPipe.closeQuietly(client);
        DelayedPipe.closeQuietly(server);
    }

    private void directionDone() {
        if (directionsDone.incrementAndGet() == 2) {
            close();
        }
    }
}
