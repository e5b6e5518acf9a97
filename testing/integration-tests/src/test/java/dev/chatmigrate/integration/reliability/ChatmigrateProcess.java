package dev.chatmigrate.integration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar chatmigrate.jar} process with a controlled environment (no inherited
 * {@code CHATMIGRATE_*} or {@code DATABASE_*}), its output captured in files so it never blocks on a pipe. The jar is
 * the runnable {@code chatmigrate.jar} that the command's build writes beside its artifact, which this module's pom
 * names in the system property {@value #ARTIFACT_PROPERTY} (the {@code chatmigrate-cli} the reactor built, wherever the
 * module's folder is).
 */
public final class ChatmigrateProcess {

    static final String ARTIFACT_PROPERTY = "chatmigrate.cli.artifact";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a finished process left: exit code, standard output and error, and its wall time. */
    public record Result(List<String> args, int exitCode, String out, String err, Duration elapsed) {

        /** Standard output parsed as the {@code --json} document. */
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }

        /** Both streams, for assertions about everything the user sees. */
        public String everything() {
            return out + err;
        }

        @Override
        public String toString() {
            return "chatmigrate " + String.join(" ", args) + " -> exit " + exitCode + " in " + elapsed.toMillis() + " ms"
                    + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final List<String> args;
    private final Process process;
    private final Path out;
    private final Path err;
    private final long started;

    private ChatmigrateProcess(List<String> args, Process process, Path out, Path err, long started) {
        this.args = args;
        this.process = process;
        this.out = out;
        this.err = err;
        this.started = started;
    }

    /** Starts {@code chatmigrate args} with exactly {@code environment} added to a cleaned environment. */
    public static ChatmigrateProcess start(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            Path directory = Files.createTempDirectory("chatmigrate-run-");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CHATMIGRATE_") || name.startsWith("DATABASE_"));
            builder.environment().putAll(environment);
            Path out = directory.resolve("out.txt");
            Path err = directory.resolve("err.txt");
            long started = System.nanoTime();
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ChatmigrateProcess(List.of(args), process, out, err, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static Path jar() {
        String artifact = System.getProperty(ARTIFACT_PROPERTY);
        Path jar = artifact == null ? null : Path.of(artifact).toAbsolutePath().resolveSibling("chatmigrate.jar");
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("Expected the runnable chatmigrate.jar beside the chatmigrate-cli artifact named by the system"
                    + " property " + ARTIFACT_PROPERTY + " (" + artifact + "), found none: run these tests in the reactor with the command,"
                    + " './mvnw verify -pl testing/integration-tests -am'.");
        }
        return jar;
    }

    /** Runs {@code chatmigrate args} to completion (at most two minutes). */
    public static Result run(Map<String, String> environment, String... args) {
        return start(environment, args).await(Duration.ofMinutes(2));
    }

    /** Waits for the process to end; kills it and fails if it takes longer than {@code timeout}. */
    public Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("chatmigrate " + String.join(" ", args) + " did not finish within " + timeout + ":\n" + read(err));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new Result(args, process.exitValue(), read(out), read(err), elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The operating-system process id, as it appears in {@code application_name} ({@code chatmigrate-ENGINE pid N}). */
    public long pid() {
        return process.pid();
    }

    /** What the process has written to standard error so far. */
    String errSoFar() {
        return read(err);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the process gets no chance to clean up. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
