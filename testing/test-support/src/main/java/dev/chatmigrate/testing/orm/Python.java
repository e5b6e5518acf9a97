package dev.chatmigrate.testing.orm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@code python3} on the {@code PATH} that can import Alembic, SQLAlchemy and psycopg2 (Debian's
 * {@code python3-alembic}, {@code python3-sqlalchemy}, {@code python3-psycopg2}): the first one that can, so a
 * {@code pyenv} or virtualenv interpreter earlier on the {@code PATH} without them does not hide the system's.
 */
final class Python {

    /** What the fixture needs, as an import statement. */
    static final String REQUIRED_MODULES = "import alembic, sqlalchemy, psycopg2";
    private static final long TIMEOUT_SECONDS = 120;
    private static Optional<Python> found;

    private final Path executable;

    private Python(Path executable) {
        this.executable = executable;
    }

    /** The first {@code python3} on the {@code PATH} with the required modules, looked for once per JVM. */
    static synchronized Optional<Python> withAlembic() {
        if (found == null) {
            found = candidates().stream().map(Python::new).filter(Python::hasRequiredModules).findFirst();
        }
        return found;
    }

    private static List<Path> candidates() {
        Set<Path> executables = new LinkedHashSet<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "python3");
            if (Files.isExecutable(candidate)) {
                executables.add(candidate);
            }
        }
        return new ArrayList<>(executables);
    }

    private boolean hasRequiredModules() {
        try {
            Process probe = new ProcessBuilder(executable.toString(), "-c", REQUIRED_MODULES)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code python3 arguments...} in {@code directory} with {@code environment} added to this JVM's, and
     * returns its standard output; a failure throws with the command and its standard error.
     */
    String run(Path directory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        String shown = "python3 " + String.join(" ", arguments);
        try {
            Path errors = Files.createTempFile(directory, "stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Expected '" + shown + "' to end within " + TIMEOUT_SECONDS + " s; it did not and was stopped");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Expected '" + shown + "' to succeed, it exited with " + process.exitValue() + ":\n"
                        + Files.readString(errors, StandardCharsets.UTF_8) + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run '" + shown + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running '" + shown + "'", e);
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
