package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UnknownEngineException;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine as the benchmarks name it: {@code jdbc} is the SPI's raw-DDL baseline (the canonical DDL
 * scripts through plain JDBC, nothing else); every other name is a
 * provider id found on the class path, so a new adapter needs only its dependency in the pom.
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
        if (name.equals(JDBC)) {
            return new BenchEngine(name, new JdbcBaselineProvider());
        }
        try {
            return new BenchEngine(name, MigrationEngines.byId(name));
        } catch (UnknownEngineException e) {
            List<String> available = new ArrayList<>(List.of(JDBC));
            available.addAll(MigrationEngines.ids());
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
