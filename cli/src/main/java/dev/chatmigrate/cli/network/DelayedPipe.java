package dev.chatmigrate.cli.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: a reader thread takes bytes off {@code from} as they come and
 * queues them with the time they are due; a writer thread delivers them to {@code to} at that time, in
 * the order they were read, however many are in flight (pgJDBC sends several messages before it reads).
 */
final class DelayedPipe {

    /** Bytes read from one side and the {@link System#nanoTime()} at which the other side gets them. */
    private record Chunk(byte[] bytes, long dueNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** What the pipe does just before and just after bytes travel, for counting round trips. */
    interface Observer {
        /** Bytes were read from {@code from}; called on the reader thread, before they are queued. */
        default void read() {
        }

        /** Bytes are about to be written to {@code to}; called on the writer thread. */
        default void delivering() {
        }
    }

    private final Socket from;
    private final Socket to;
    private final long delayNanos;
    private final long notBeforeNanos;
    private final Observer observer;
    private final Runnable whenDone;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    /**
     * @param delayNanos     how long each chunk travels
     * @param notBeforeNanos a {@link System#nanoTime()} before which nothing leaves, however early it was read
     * @param whenDone       runs once the end of the stream has been passed on, or once a failure closed both sockets
     */
    DelayedPipe(Socket from, Socket to, long delayNanos, long notBeforeNanos, Observer observer, Runnable whenDone) {
        this.from = from;
        this.to = to;
        this.delayNanos = delayNanos;
        this.notBeforeNanos = notBeforeNanos;
        this.observer = observer;
        this.whenDone = whenDone;
    }

    void start(String name) {
        daemon(this::readAll, name + "-read").start();
        daemon(this::deliverAll, name + "-write").start();
    }

    private void readAll() {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n > 0) {
                    observer.read();
                    long due = Math.max(System.nanoTime(), notBeforeNanos) + delayNanos;
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), due));
                }
            }
        } catch (IOException closed) {
            // the socket was closed: pass the end on
        } finally {
            queue.add(Chunk.END);
        }
    }

    private void deliverAll() {
        try {
            OutputStream out = to.getOutputStream();
            for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                sleepUntil(chunk.dueNanos());
                observer.delivering();
                out.write(chunk.bytes());
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException gone) {
            // one side is gone: end the other direction too
            closeQuietly(from);
            closeQuietly(to);
        } finally {
            whenDone.run();
        }
    }

    private static void sleepUntil(long dueNanos) throws InterruptedException {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
