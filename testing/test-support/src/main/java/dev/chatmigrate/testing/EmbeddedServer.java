package dev.chatmigrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 from zonky's binaries on Maven Central, tuned for tests (no fsync).
 *
 * <p>As root, zonky runs the server through {@code unshare}; where user namespaces are not allowed,
 * this falls back to running the same binaries as the unprivileged user {@code nobody} with
 * {@code runuser}. {@code CHATMIGRATE_TEST_DB=embedded-runuser} forces the fallback. The same way starts a
 * server from a PostgreSQL installation on the machine ({@link #startInstalled(Path)}).
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Map<String, String> TEST_SETTINGS = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "300");

    private final Login admin;
    private final String description;

    private EmbeddedServer(Login admin, String description) {
        this.admin = admin;
        this.description = description;
    }

    Login admin() {
        return admin;
    }

    String description() {
        return description;
    }

    static EmbeddedServer start(boolean forceRunuser) {
        Path workingDirectory = workingDirectory();
        try {
            Files.createDirectories(workingDirectory);
            if (!forceRunuser) {
                return startWithZonky(workingDirectory);
            }
        } catch (IOException | RuntimeException e) {
            if (!isRoot()) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            LOG.warn("Embedded PostgreSQL did not start through unshare ({}); retrying as user nobody with runuser", e.getMessage());
        }
        try {
            return startWithRunuser(workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL as user nobody", e);
        }
    }

    private static EmbeddedServer startWithZonky(Path workingDirectory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workingDirectory.toFile())
                .setPGStartupWait(Duration.ofSeconds(60));
        TEST_SETTINGS.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending; the data directory is temporary
            }
        }));
        Login admin = new Login("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
        return new EmbeddedServer(admin, "embedded PostgreSQL on port " + postgres.getPort());
    }

    private static EmbeddedServer startWithRunuser(Path workingDirectory) throws IOException {
        if (findBinaries(workingDirectory) == null) {
            try {
                EmbeddedPostgres.builder().setOverrideWorkingDirectory(workingDirectory.toFile()).start().close();
            } catch (IOException | RuntimeException expected) {
                // only the extraction of the binaries was wanted
            }
        }
        Path binaries = findBinaries(workingDirectory);
        if (binaries == null) {
            throw new IOException("zonky's PostgreSQL binaries were not extracted under " + workingDirectory);
        }
        return startFromBinaries(binaries, workingDirectory, "embedded PostgreSQL");
    }

    /**
     * A server from the PostgreSQL installation {@code installation} (holding {@code bin/initdb} and
     * {@code bin/postgres}), in a fresh data directory, tuned like the embedded one.
     */
    static EmbeddedServer startInstalled(Path installation) {
        Path workingDirectory = workingDirectory();
        try {
            Files.createDirectories(workingDirectory);
            return startFromBinaries(installation, workingDirectory, "PostgreSQL from " + installation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL from " + installation, e);
        }
    }

    /** Runs {@code binaries}' initdb and postgres, as user nobody through runuser when we are root (PostgreSQL refuses root). */
    private static EmbeddedServer startFromBinaries(Path binaries, Path workingDirectory, String description) throws IOException {
        Path data = Files.createTempDirectory(workingDirectory, "data-");
        List<String> asServerUser = new ArrayList<>();
        if (isRoot()) {
            run(List.of("chown", "nobody", data.toString()));
            asServerUser.addAll(List.of("runuser", "-u", "nobody", "--"));
            description += " as user nobody";
        }
        List<String> initdb = new ArrayList<>(asServerUser);
        initdb.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8"));
        run(initdb);
        int port = freePort();
        List<String> command = new ArrayList<>(asServerUser);
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + data));
        TEST_SETTINGS.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolve(data.getFileName() + ".log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::destroy));
        Login admin = new Login("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
        awaitReady(admin, postgres);
        return new EmbeddedServer(admin, description + " on port " + port);
    }

    /** Where the binaries are extracted and the data directories made. */
    private static Path workingDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "chatmigrate-embedded-pg");
    }

    private static void awaitReady(Login admin, Process postgres) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && postgres.isAlive()) {
            try (Connection ignored = admin.open("chatmigrate-test-admin", Duration.ofSeconds(2))) {
                return;
            } catch (SQLException notYet) {
                sleep();
            }
        }
        throw new IOException("PostgreSQL did not accept connections within 60 s (alive: " + postgres.isAlive() + ")");
    }

    private static Path findBinaries(Path workingDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(workingDirectory, 3)) {
            return paths.filter(p -> Files.isExecutable(p.resolve("bin/initdb"))).findFirst().orElse(null);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
