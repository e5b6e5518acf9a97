package dev.chatmigrate.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Makes one kind of {@link MigrationEngine}, registered in {@code META-INF/services}.
 *
 * <p>Providers are cheap: constructing one and calling {@link #id()} or {@link #capabilities()} does
 * no I/O and loads no engine library. Only {@link #warmUp()} and {@link #open(MigrationSettings)} do work.
 */
public interface MigrationEngineProvider {

    /** The stable, unique id users select the engine by, such as {@code flyway}. */
    String id();

    /** What this engine can do beyond the contract every engine fulfils. */
    Set<Capability> capabilities();

    /**
     * Opens an engine for one database. The runner has already connected, locked and adopted by then;
     * the engine opens its own connections from {@link MigrationSettings#dataSource()}.
     */
    MigrationEngine open(MigrationSettings settings);

    /**
     * Does the part of the engine's start-up that needs no database (loading its classes, reading its
     * scripts), so that the runner can overlap it with connecting, locking and adopting, which wait on
     * the network. The runner calls it on a daemon thread of its own once its first connection is open,
     * when the engine will have work: a migrate that the history does not already prove done, a
     * downgrade, a validation (not a status). It ignores what it throws: {@link #open} meets any real
     * problem again. It must not connect to a
     * database nor change anything outside the JVM, and must be safe while {@link #open} runs on
     * another thread. The default does nothing.
     */
    default void warmUp() {
    }

    /**
     * This engine's check of its own history with plain SQL, without starting the engine library: the query
     * and the reading of its rows apart, so that the runner sends the query in the same round trip as its
     * lock on a restart. Empty by default; the runner then opens the engine as usual. Engines that answer
     * declare {@link Capability#UP_TO_DATE_CHECK}: a restart on an up-to-date database then skips their start-up.
     */
    default Optional<UpToDateCheck> upToDateCheck() {
        return Optional.empty();
    }

    /**
     * The version this engine's own history proves applied, read on {@code connection} (in autocommit mode) with
     * {@link #upToDateCheck()}: empty whenever anything is in doubt, and when the engine has no such check.
     */
    default OptionalInt verifiedVersion(Connection connection, String schema) throws SQLException {
        Optional<UpToDateCheck> check = upToDateCheck();
        return check.isPresent() ? check.get().run(connection, schema) : OptionalInt.empty();
    }

    /**
     * The tables in the configured schema that hold this engine's history (and its lock, if it keeps one
     * there), such as {@code chatmigrate_flyway_history}: names of chatmigrate's own, never an engine library's
     * default, which an application's own Flyway or Liquibase uses in the same schema (see {@code docs/design.md},
     * "Shared databases"). The runner looks for other engines' tables when an engine migrates, and retires them
     * after a deliberate switch so that exactly one history tells the version ("Switching engines"). The default
     * names none: such an engine's history is neither seen nor retired by a switch.
     */
    default List<String> historyTables() {
        return List.of();
    }

    /**
     * Where earlier releases kept this engine's history under other names, and how to recognise chatmigrate's rows
     * there, so that the runner carries it over to {@link #historyTables()}. Empty by default: the names never changed.
     */
    default Optional<EarlierHistory> earlierHistory() {
        return Optional.empty();
    }

    /**
     * Whether this engine is a baseline the real engines are measured against, such as the {@code jdbc} raw-DDL engine:
     * discovered like any other, so that comparisons, benchmarks and tests find it by id, but never one users select.
     * The default is {@code false}.
     */
    default boolean isBaseline() {
        return false;
    }
}
