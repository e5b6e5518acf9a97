package dev.chatmigrate.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The chatbot during a migration: a thread that inserts one message at a time, at a steady rate, on
 * its own autocommit connection, and times every insert. Between {@link #openWindow()} and
 * {@link #closeWindow()} it records the slowest insert and how many ran; an insert counts when its
 * run overlaps the window, so one blocked by an index build for the whole window is seen too.
 */
final class MessageWriter implements AutoCloseable {

    /** What the writer saw during one window. */
    record Window(Duration worstInsert, long inserts) {
    }

    private final Connection connection;
    private final PreparedStatement insert;
    private final long periodNanos;
    private final Thread thread;
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong windowInserts = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean running = true;
    /** {@link System#nanoTime()} when the window opened; {@code Long.MAX_VALUE} before the first. */
    private volatile long windowStart = Long.MAX_VALUE;
    /** {@link System#nanoTime()} when the window closed; {@code Long.MAX_VALUE} while it is open. */
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean inFlight;
    private volatile SQLException failure;

    private MessageWriter(Connection connection, UUID conversationId, int insertsPerSecond) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement("insert into messages (conversation_id, role, content) values (?, 'user', 'written during the migration')");
        insert.setObject(1, conversationId);
        this.periodNanos = insertsPerSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / insertsPerSecond : 0;
        this.thread = new Thread(this::run, "chatmigrate-bench-writer");
        thread.setDaemon(true);
    }

    /**
     * Starts inserting into {@code conversationId} on {@code connection}, which the writer closes;
     * {@code insertsPerSecond} of 0 or less means back to back.
     */
    static MessageWriter start(Connection connection, UUID conversationId, int insertsPerSecond) throws SQLException {
        MessageWriter writer = new MessageWriter(connection, conversationId, insertsPerSecond);
        writer.thread.start();
        return writer;
    }

    void openWindow() {
        checkHealthy();
        windowStart = Long.MAX_VALUE;
        worstNanos.set(0);
        windowInserts.set(0);
        windowEnd = Long.MAX_VALUE;
        windowStart = System.nanoTime();
    }

    /** Closes the window, first waiting for an insert still in flight (one held up by a lock, say). */
    Window closeWindow() {
        windowEnd = System.nanoTime();
        long seen = completed.get();
        while (inFlight && completed.get() == seen && failure == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        checkHealthy();
        return new Window(Duration.ofNanos(worstNanos.get()), windowInserts.get());
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next = Math.max(next + periodNanos, System.nanoTime());
            inFlight = true;
            long started = System.nanoTime();
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                failure = e;
                inFlight = false;
                return;
            }
            long ended = System.nanoTime();
            if (started <= windowEnd && ended >= windowStart) {
                worstNanos.accumulateAndGet(ended - started, Math::max);
                windowInserts.incrementAndGet();
            }
            completed.incrementAndGet();
            inFlight = false;
        }
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("The writer's insert failed, so its latencies mean nothing: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the writer is done either way
        }
    }
}
