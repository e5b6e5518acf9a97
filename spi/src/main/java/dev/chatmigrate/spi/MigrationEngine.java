package dev.chatmigrate.spi;

/**
 * One migration engine bound to one database and schema, opened by a {@link MigrationEngineProvider}.
 *
 * <p>Engines bring the database to a version of the canonical chatbot schema ({@link dev.chatmigrate.schema.ChatbotSchema}).
 * They are not meant to be called directly: chatmigrate's runner (module {@code core}) serialises them with an
 * advisory lock, adopts untracked tables first and guards downgrades against data loss.
 * Failures are {@link MigrationException}s; engine library exceptions are only ever their causes.
 */
public interface MigrationEngine extends AutoCloseable {

    /** Applies every pending version up to {@code targetVersion}, none if it is already reached. */
    MigrationReport migrate(int targetVersion);

    /** Undoes every applied version above {@code targetVersion}, newest first. */
    MigrationReport downgrade(int targetVersion);

    /** The version this engine has recorded as applied, and what is pending up to the latest. */
    StatusReport status();

    /** Checks the engine's history against its scripts (checksums, where the engine records them). */
    ValidationReport validate();

    @Override
    void close();
}
