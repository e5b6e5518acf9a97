package dev.chatmigrate.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every chatmigrate failure, unchecked. Each has a {@link Kind}, and where a setting is at
 * fault, the {@link #setting()} with the value {@link #expected()} and the one {@link #found()}.
 * Messages speak the library's language (setting names such as {@code schema}, values found and
 * expected) and never contain a password; tools built on the library, such as the command line, map
 * the kind to their own exit codes and the setting to their own flags or variables.
 */
public class MigrationException extends RuntimeException {

    /** What went wrong, in the terms a caller acts on. */
    public enum Kind {
        /** No provider has the requested engine id, or two providers claim one id. */
        UNKNOWN_ENGINE,
        /** A setting is missing or malformed, or the database is reached through a transaction pooler. */
        BAD_CONFIGURATION,
        /** The database could not be reached within the connect timeout, or refused the credentials. */
        CANNOT_CONNECT,
        /** Another session held a lock longer than the lock timeout. */
        LOCK_TIMEOUT,
        /** The chatbot tables cannot be adopted or are not at the version required; nothing was changed. */
        SCHEMA_CONFLICT,
        /**
         * Migrations are disabled ({@code enabled=false}) and the schema is behind the version required; nothing was
         * changed. Not a conflict: one run with migrations enabled resolves it.
         */
        DISABLED_BEHIND,
        /** A downgrade would have destroyed data and was not allowed to; nothing was changed. */
        REFUSED_DATA_LOSS,
        /** A migration or undo step failed inside the engine. */
        STEP_FAILED,
        /**
         * The migration is complete on the primary, but a streaming standby had not replayed it within the replica wait;
         * readers of that standby still see the old schema.
         */
        STANDBYS_BEHIND
    }

    private final Kind kind;
    private final String setting;
    private final String expected;
    private final String found;

    public MigrationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public MigrationException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null, null, null);
    }

    /**
     * A failure about one setting.
     *
     * @param setting  the setting's name as the library knows it, such as {@code schema} or {@code lock-timeout}
     * @param expected what would have been accepted, such as {@code a duration like 60s}
     * @param found    the value found, never a secret
     */
    public MigrationException(Kind kind, String message, Throwable cause, String setting, String expected, String found) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.setting = setting;
        this.expected = expected;
        this.found = found;
    }

    public Kind kind() {
        return kind;
    }

    /** The setting at fault, by its library name ({@code engine}, {@code url}, {@code schema}, {@code target}, ...). */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }

    /** What the setting or the database was expected to hold. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /** What was found instead. */
    public Optional<String> found() {
        return Optional.ofNullable(found);
    }
}
