package dev.chatmigrate.integration.reliability.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pg_autoctl} commands for one {@link Formation}, run as the {@code postgres} user when we are root, with
 * every file pg_autoctl keeps (its configuration, state, sockets) under the formation's temporary directory.
 */
final class AutoCtl implements AutoCloseable {

    private static final String SERVER_USER = "postgres";
    private static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");

    private final Path directory;
    private final Path binaries;
    private Process monitor;

    private AutoCtl(Path directory, Path binaries) {
        this.directory = directory;
        this.binaries = binaries;
    }

    /** Why pg_autoctl cannot run here, or {@code null}. */
    static String unavailableReason() {
        String install = " (apt-get install postgresql-15-auto-failover pg-auto-failover-cli; .ci/run installs them)";
        if (!Files.isExecutable(PG_AUTOCTL)) {
            return "pg_auto_failover is not installed: no " + PG_AUTOCTL + install;
        }
        if (installation().isEmpty()) {
            return "no PostgreSQL installation with the pgautofailover extension under /usr/lib/postgresql" + install;
        }
        if (isRoot() && !run(List.of("id", "-u", SERVER_USER))) {
            return "running as root, but there is no '" + SERVER_USER + "' user to run PostgreSQL as";
        }
        return null;
    }

    /** The newest {@code /usr/lib/postgresql/NN} that has both {@code bin/pg_ctl} and the extension's library. */
    private static Optional<Path> installation() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")) && Files.exists(v.resolve("lib/pgautofailover.so")))
                    .max(java.util.Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static AutoCtl inNewDirectory() {
        try {
            Path directory = Files.createTempDirectory("chatmigrate-formation-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            if (isRoot() && !run(List.of("chown", SERVER_USER, directory.toString()))) {
                throw new IllegalStateException("cannot give " + directory + " to user " + SERVER_USER);
            }
            return new AutoCtl(directory, installation().orElseThrow(() -> new IllegalStateException(unavailableReason())).resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startMonitor(int port) {
        monitor = start("monitor", List.of("create", "monitor", "--pgdata", pgdata("monitor"), "--pgport", Integer.toString(port),
                "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--pgctl", binaries.resolve("pg_ctl").toString(), "--run"));
    }

    boolean monitorAlive() {
        return monitor != null && monitor.isAlive();
    }

    void startNode(Node node, int monitorPort) {
        node.keptBy(start(node.name(), List.of("create", "postgres", "--pgdata", pgdata(node.name()), "--pgport", Integer.toString(node.port()),
                "--hostname", "127.0.0.1", "--listen", "127.0.0.1", "--name", node.name(), "--dbname", "chat", "--auth", "trust", "--no-ssl",
                "--monitor", "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable",
                "--pgctl", binaries.resolve("pg_ctl").toString(), "--run")));
    }

    void runNode(Node node) {
        node.keptBy(start(node.name(), List.of("run", "--pgdata", pgdata(node.name()))));
    }

    void switchover() {
        Process process = start("switchover", List.of("perform", "switchover", "--pgdata", pgdata("monitor")));
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_autoctl perform switchover failed:\n" + read(directory.resolve("switchover.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String pgdata(String name) {
        return directory.resolve(name).toString();
    }

    /** Starts {@code pg_autoctl arguments}, its output appended to {@code NAME.log}. */
    private Process start(String name, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.add(PG_AUTOCTL.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(name + ".log").toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PG") || variable.startsWith("XDG_"));
        builder.environment().put("HOME", directory.toString());
        builder.environment().put("XDG_CONFIG_HOME", directory.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", directory.resolve("share").toString());
        builder.environment().put("XDG_RUNTIME_DIR", directory.resolve("run").toString());
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PATH", binaries + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The last lines of every log, for failure messages. */
    String logs() {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.toString().endsWith(".log")).sorted().forEach(file -> {
                List<String> lines = read(file).lines().filter(line -> !line.contains(" DEBUG ")).toList();
                logs.append("--- ").append(file.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            });
        } catch (IOException e) {
            logs.append("(no logs: ").append(e.getMessage()).append(")");
        }
        return logs.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (monitor != null) {
            List<ProcessHandle> all = new ArrayList<>(monitor.descendants().toList());
            all.add(monitor.toHandle());
            all.forEach(ProcessHandle::destroyForcibly);
            monitor = null;
        }
        Formation.deleteRecursively(directory);
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
