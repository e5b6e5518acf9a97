package dev.chatmigrate.core.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The runner's two connections, the lock's and the work's, opened in parallel so that their set-ups (three
 * round trips each with SCRAM) overlap. Closing closes both; the lock's session ending releases the lock.
 */
public final class ConnectionPair implements AutoCloseable {

    private final Connection lock;
    private final Connection work;

    private ConnectionPair(Connection lock, Connection work) {
        this.lock = lock;
        this.work = work;
    }

    /**
     * Opens the work connection with {@code openWork} on a thread of its own while this one takes {@code handed}
     * as the lock connection, or opens it with {@code openLock} when {@code handed} is {@code null}. When either
     * fails, the other is closed and the failure thrown.
     */
    public static ConnectionPair open(Connection handed, Supplier<Connection> openLock, Supplier<Connection> openWork) {
        CompletableFuture<Connection> work = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                work.complete(openWork.get());
            } catch (Throwable e) {
                work.completeExceptionally(e);
            }
        }, "chatmigrate-connect");
        opener.setDaemon(true);
        opener.start();
        Connection lock;
        try {
            lock = handed != null ? handed : openLock.get();
        } catch (RuntimeException e) {
            work.thenAccept(Connections::closeQuietly);
            throw e;
        }
        try {
            return new ConnectionPair(lock, work.join());
        } catch (CompletionException e) {
            Connections.closeQuietly(lock);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public Connection lock() {
        return lock;
    }

    public Connection work() {
        return work;
    }

    @Override
    public void close() throws SQLException {
        try {
            work.close();
        } finally {
            lock.close();
        }
    }
}
