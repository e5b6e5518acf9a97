package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UnknownEngineException;
import java.util.List;

/**
 * An engine as the benchmarks name it: a provider id found on the class path, the {@code jdbc} raw-DDL
 * baseline (the canonical DDL scripts through plain JDBC, nothing else) among them, so a new adapter
 * needs only its dependency in the pom.
 *
 * @param name     the benchmark parameter value, such as {@code jdbc} or {@code flyway}
 * @param provider the provider it stands for
 */
record BenchEngine(String name, MigrationEngineProvider provider) {

    /** The raw-DDL baseline's name. */
    static final String JDBC = "jdbc";

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalStateException when no adapter on the class path has that id, naming those that do
     */
    static BenchEngine named(String name) {
        try {
            return new BenchEngine(name, MigrationEngines.measured(name));
        } catch (UnknownEngineException e) {
            List<String> available = MigrationEngines.measuredIds();
            throw new IllegalStateException("Engine '" + name + "' is not on the benchmarks' class path, which has "
                    + String.join(", ", available) + " (" + JDBC + " being the raw-DDL baseline). Add its adapter as a dependency of"
                    + " benchmarks/pom.xml and rebuild, or leave it out by naming the others, such as -p engine="
                    + String.join(",", available) + ".", e);
        }
    }

    /** A runner for this engine with {@code settings}. */
    MigrationRunner runner(MigrationSettings settings) {
        return new MigrationRunner(settings, provider);
    }
}
