package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationEngines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run an image records its JDK 25 AOT cache from (cli/Dockerfile): what a replica does at every start,
 * with every engine. A child JVM starts the embedded PostgreSQL and migrates one schema per engine, so that neither
 * the embedded server's classes nor an engine's first migration are recorded; this JVM then restarts each engine on
 * its schema ({@code migrate} with nothing to apply), asks {@code status} and runs {@code verify}, through the command
 * as a deployment runs it (a database URL in the environment). The cache holds only what those load: the JVM loads
 * every class of an AOT cache at start-up, so a cache that also held the engines' migration classes would slow every
 * restart down to speed up a database's first migration (docs/performance.md). A command that fails fails the
 * training, and with it the image build.
 */
public final class AotTraining {

    private static final String DATABASE = "database";
    private static final List<String> RESTART = List.of("migrate", "status", "verify");

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals(DATABASE)) {
            serveMigratedDatabase();
            return;
        }
        Process database = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AotTraining.class.getName(), DATABASE)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader announced = new BufferedReader(new InputStreamReader(database.getInputStream(), StandardCharsets.UTF_8))) {
            String url = announced.readLine();
            if (url == null) {
                throw new IllegalStateException("The AOT training's database did not start (exit " + database.waitFor() + ")");
            }
            for (String engine : MigrationEngines.ids()) {
                for (String command : RESTART) {
                    run(environment(url, engine), command);
                }
            }
        } finally {
            database.getOutputStream().close();
            database.waitFor();
        }
    }

    /** Starts the embedded PostgreSQL, migrates every engine's schema, prints the URL, and serves until its input ends. */
    private static void serveMigratedDatabase() throws IOException {
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start()) {
            String url = embedded.database().jdbcUrl() + "?user=" + embedded.database().user();
            for (String engine : MigrationEngines.ids()) {
                run(environment(url, engine), "migrate");
            }
            System.out.println(url);
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static Map<String, String> environment(String url, String engine) {
        return Map.of("DATABASE_URL", url, "CHATMIGRATE_ENGINE", engine, "CHATMIGRATE_SCHEMA", "aot_training_" + engine);
    }

    private static void run(Map<String, String> environment, String command) {
        int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(System.err, true), command);
        if (exitCode != 0) {
            throw new IllegalStateException("The AOT training's " + command + " with " + environment.get("CHATMIGRATE_ENGINE") + " exited " + exitCode);
        }
    }
}
