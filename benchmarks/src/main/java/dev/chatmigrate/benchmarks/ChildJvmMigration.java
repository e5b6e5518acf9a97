package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.Database;
import java.util.List;
import java.util.Map;

/**
 * Migrates a database to the latest version in a child JVM on this JVM's class path, so that this JVM
 * stays cold for the engine ({@link Preparation#IN_CHILD_JVM}). The database travels in
 * {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}, never on the command line.
 */
public final class ChildJvmMigration {

    private ChildJvmMigration() {
    }

    /** Runs {@link #main} in a child JVM for {@code database} and the engine called {@code engineName}; fails if it fails. */
    static void migrate(Database database, String engineName) {
        Map<String, String> environment = JavaProcess.credentials(database);
        environment.put("DATABASE_URL", database.jdbcUrl());
        JavaProcess.of(List.of("-cp", System.getProperty("java.class.path"), ChildJvmMigration.class.getName(), engineName), environment).run();
    }

    /** The child's side: {@code ENGINE_NAME}, with the database in the environment. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ChildJvmMigration ENGINE_NAME, with DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD set");
        }
        Database database = new Database(System.getenv("DATABASE_URL"), System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"));
        BenchEngine engine = BenchEngine.named(args[0]);
        engine.runner(database.settings(engine.provider().id())).migrate();
    }
}
