package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.states.DatabaseState;
/**
 * Where the engine runs that brings a database to {@link DatabaseState#COMPLETE} before the measurement.
 */
enum Preparation {
    /** In the benchmark's JVM: right for warm measurements, whose JVM is warmed anyway. */
    IN_THIS_JVM {
        @Override
        void migrate(BenchDatabase database) {
            database.runner().migrate();
        }
    },
    /**
     * In a child JVM, so that the benchmark's JVM has not yet loaded or run the engine: a cold
     * measurement must pay the engine's first use, as a restarting service does.
     */
    IN_CHILD_JVM {
        @Override
        void migrate(BenchDatabase database) {
            ChildJvmMigration.migrate(database.database(), database.engine().name());
        }
    };

    abstract void migrate(BenchDatabase database);
}
