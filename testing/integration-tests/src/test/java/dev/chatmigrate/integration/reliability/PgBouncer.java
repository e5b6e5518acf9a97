package dev.chatmigrate.integration.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PgBouncer in transaction mode on a loopback port, in front of one PostgreSQL server, with trust
 * authentication for the given user: the kind of pooler Neon's {@code -pooler} endpoints and many platforms put
 * in front of PostgreSQL. Started by the test, stopped by {@link #close()}.
 */
final class PgBouncer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;

    private PgBouncer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** The {@code pgbouncer} executable on the path or in {@code /usr/sbin}, if installed. */
    static Optional<Path> executable() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "pgbouncer"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts PgBouncer in transaction mode forwarding every database to {@code serverHost:serverPort} with at most
     * {@code poolSize} server connections per database and user.
     */
    static PgBouncer start(String serverHost, int serverPort, String user, int poolSize) {
        Path pgbouncer = executable().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed"));
        try {
            Path directory = Files.createTempDirectory("chatmigrate-pgbouncer-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            int port = freePort();
            Files.writeString(directory.resolve("userlist.txt"), "\"" + user + "\" \"\"\n");
            Files.writeString(directory.resolve("pgbouncer.ini"), """
                    [databases]
                    * = host=%s port=%d
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    pool_mode = transaction
                    default_pool_size = %d
                    max_client_conn = 500
                    ignore_startup_parameters = extra_float_digits
                    logfile = %s
                    """.formatted(serverHost, serverPort, port, directory.resolve("userlist.txt"), poolSize, directory.resolve("pgbouncer.log")));
            List<String> command = new ArrayList<>(List.of(pgbouncer.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
                Files.writeString(directory.resolve("pgbouncer.log"), "");
                Files.setPosixFilePermissions(directory.resolve("pgbouncer.log"), PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            command.add(directory.resolve("pgbouncer.ini").toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.txt").toFile()).start();
            PgBouncer bouncer = new PgBouncer(process, port, directory);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pgbouncer", e);
        }
    }

    /** The loopback port clients connect to. */
    int port() {
        return port;
    }

    /** PgBouncer's log, for failure messages. */
    String log() {
        try {
            return Files.readString(directory.resolve("stdout.txt")) + Files.readString(directory.resolve("pgbouncer.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ": " + log());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        throw new IllegalStateException("pgbouncer did not listen on port " + port + " within 20 s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
