package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.Database;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java} (the one running the benchmarks) with some arguments and waits for it to exit 0.
 * Standard output is discarded and standard error kept in a file, so a chatty process never blocks on a
 * full pipe and a failure can say what the process said.
 */
final class JavaProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final List<String> command;
    private final Map<String, String> environment;

    private JavaProcess(List<String> command, Map<String, String> environment) {
        this.command = command;
        this.environment = environment;
    }

    /**
     * {@code java} with {@code arguments}. The process inherits this environment minus every
     * {@code CHATMIGRATE_*} and {@code DATABASE_*} variable, plus {@code environment}: secrets travel
     * there, never on the command line.
     */
    static JavaProcess of(List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return new JavaProcess(List.copyOf(command), Map.copyOf(environment));
    }

    /**
     * The shell launcher {@code launcher} (which starts {@code java} itself) with {@code arguments}, given this
     * JVM's JDK as {@code JAVA_HOME}; the environment is cleaned as for {@link #of}.
     */
    static JavaProcess launcher(Path launcher, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(arguments);
        Map<String, String> withJdk = new HashMap<>(environment);
        withJdk.put("JAVA_HOME", System.getProperty("java.home"));
        return new JavaProcess(List.copyOf(command), Map.copyOf(withJdk));
    }

    /** {@code DATABASE_USER} and {@code DATABASE_PASSWORD} for {@code database}, where it has them. */
    static Map<String, String> credentials(Database database) {
        Map<String, String> environment = new HashMap<>();
        if (database.user() != null) {
            environment.put("DATABASE_USER", database.user());
        }
        if (database.password() != null) {
            environment.put("DATABASE_PASSWORD", database.password());
        }
        return environment;
    }

    /** Starts the process and waits for it; fails with its standard error unless it exits 0. */
    void run() {
        File errors = null;
        try {
            errors = File.createTempFile("chatmigrate-bench-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors);
            builder.environment().keySet().removeIf(name -> name.startsWith("CHATMIGRATE_") || name.startsWith("DATABASE_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(describe() + " did not exit within " + TIMEOUT.toMinutes() + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(describe() + " exited with " + process.exitValue() + ": "
                        + Files.readString(errors.toPath(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + describe(), e);
        } finally {
            if (errors != null && !errors.delete()) {
                errors.deleteOnExit();
            }
        }
    }

    private String describe() {
        return "'" + String.join(" ", command) + "'";
    }
}
