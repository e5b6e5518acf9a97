package dev.chatmigrate.spi;

import java.util.Set;

/**
 * Makes one kind of {@link MigrationEngine}, registered in {@code META-INF/services}.
 *
 * <p>Providers are cheap: constructing one and calling {@link #id()} or {@link #capabilities()} does
 * no I/O and loads no engine library. Only {@link #open(MigrationSettings)} does work.
 */
public interface MigrationEngineProvider {

    /** The stable, unique id users select the engine by, such as {@code flyway}. */
    String id();

    /** What this engine can do beyond the contract every engine fulfils. */
    Set<Capability> capabilities();

    /**
     * Opens an engine for one database. The runner has already connected, locked and adopted by then;
     * the engine opens its own connections from {@link MigrationSettings#database()}
     * ({@link Database#open} or {@link Database#dataSource}).
     */
    MigrationEngine open(MigrationSettings settings);
}
