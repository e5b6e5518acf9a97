package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationEngines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The training run an image records one engine's class-data cache from, a JDK 25 AOT cache or a JDK 17 to 24
 * class-data archive (cli/Dockerfile records one per engine, and the launcher starts each run from its engine's): the
 * engine's first migration of an empty schema, then what a replica does at every start ({@code migrate} with nothing to apply, {@code status}, {@code verify}), through the command as a
 * deployment runs it (a database URL in the environment). A child JVM serves the embedded PostgreSQL, so that its
 * classes are not recorded. One cache per engine, because the JVM loads every class of an AOT cache at start-up: a
 * cache of every engine's migration made each restart 30 to 40 ms slower, and one of every engine's restart left a
 * first migration without its engine's classes (docs/performance.md). A command that fails fails the training, and
 * with it the image build.
 */
public final class AotTraining {

    private static final String DATABASE = "database";
    private static final List<String> COMMANDS = List.of("migrate", "migrate", "status", "verify");

    private AotTraining() {
    }

    /** {@code AotTraining ENGINE} records ENGINE's commands; {@code AotTraining database} serves the database. */
    public static void main(String[] args) throws IOException, InterruptedException, SQLException {
        if (args.length != 1 || !(args[0].equals(DATABASE) || MigrationEngines.ids().contains(args[0]))) {
            throw new IllegalArgumentException("Expected the engine to train, one of " + MigrationEngines.ids() + ", found " + List.of(args));
        }
        if (args[0].equals(DATABASE)) {
            serveDatabase();
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
            String schema = "aot_training_" + args[0];
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade"); // left by an earlier training in the same directory
            }
            Map<String, String> environment = Map.of("DATABASE_URL", url, "CHATMIGRATE_ENGINE", args[0], "CHATMIGRATE_SCHEMA", schema);
            for (String command : COMMANDS) {
                run(environment, command);
            }
        } finally {
            database.getOutputStream().close();
            database.waitFor();
        }
    }

    /** Starts the embedded PostgreSQL, prints its URL, and serves until its input ends. */
    private static void serveDatabase() throws IOException {
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start()) {
            System.out.println(embedded.database().jdbcUrl() + "?user=" + embedded.database().user());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void run(Map<String, String> environment, String command) {
        int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(System.err, true), command);
        if (exitCode != 0) {
            throw new IllegalStateException("The AOT training's " + command + " with " + environment.get("CHATMIGRATE_ENGINE") + " exited " + exitCode);
        }
    }
}
