package dev.chatmigrate.spi;

/** Optional behaviour an engine declares; the contract suite skips, visibly, what is not declared. */
public enum Capability {
    /** Downgrade uses the engine's own rollback or undo mechanism. */
    NATIVE_DOWNGRADE,
    /** Downgrade is implemented by the adapter beside the engine (own undo scripts and history edits). */
    EMULATED_DOWNGRADE,
    /** {@link MigrationEngine#validate()} detects a script whose checksum no longer matches its history row. */
    CHECKSUM_VALIDATION,
    /** {@link MigrationEngineProvider#upToDateCheck()} answers, so an up-to-date restart does not start the engine. */
    UP_TO_DATE_CHECK
}
