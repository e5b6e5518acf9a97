package dev.chatmigrate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runnable {@code chatmigrate.jar} is: system property {@code chatmigrate.cli.jar}, else
 * environment variable {@code CHATMIGRATE_CLI_JAR}, else {@code cli/target/chatmigrate.jar} under the
 * working directory (the repository root, where the README's commands run).
 */
final class CliJar {

    static final String PROPERTY = "chatmigrate.cli.jar";
    static final String ENVIRONMENT = "CHATMIGRATE_CLI_JAR";

    private CliJar() {
    }

    /**
     * The jar's absolute path.
     *
     * @throws IllegalStateException naming where it was looked for and how to build it, when it is absent;
     *                               JMH then reports the benchmark as failed and goes on with the next
     */
    static Path locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        Path jar = Path.of(configured != null ? configured : "cli/target/chatmigrate.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Skipped: no chatmigrate.jar at " + jar + ". Build it with './mvnw -q -DskipTests package'"
                    + " from the repository root and run the benchmarks from there, or pass -D" + PROPERTY + "=PATH"
                    + " (or set " + ENVIRONMENT + ").");
        }
        return jar;
    }
}
