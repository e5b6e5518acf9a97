package dev.chatmigrate.example;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK's {@link HttpServer} on every interface (as a container needs), with a small pool of worker threads. */
final class ChatbotServer {

    /** A few more threads than connections, so requests that need none (GET /, a 400, a 404) are answered while every connection is busy. */
    static final int WORKERS = ConnectionPool.MAXIMUM_SIZE + 3;

    /** How long {@link #stop()} lets running requests finish. */
    static final int STOP_GRACE_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService workers;

    private ChatbotServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Listens on {@code port} ({@code 0} for a free one) and hands every request to {@code handler}. */
    static ChatbotServer start(int port, HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> new Thread(task, "http-" + threads.incrementAndGet()));
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        return new ChatbotServer(server, workers);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting connections, waits up to {@link #STOP_GRACE_SECONDS} for running requests, then ends the workers. */
    void stop() {
        server.stop(STOP_GRACE_SECONDS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
