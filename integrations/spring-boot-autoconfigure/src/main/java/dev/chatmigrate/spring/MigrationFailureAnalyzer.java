package dev.chatmigrate.spring;

import dev.chatmigrate.spi.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed startup migration into Spring Boot's "APPLICATION FAILED TO START" report: the kind
 * first (as the command names it), the library's message, and the {@code chatmigrate.*} property to
 * set when a setting is at fault.
 */
public class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis(description(cause), action(cause), cause);
    }

    /** {@code SCHEMA_CONFLICT: chatmigrate could not prepare the schema: ...} */
    static String description(MigrationException failure) {
        return failure.kind() + ": chatmigrate could not prepare the database schema at startup: " + failure.getMessage();
    }

    static String action(MigrationException failure) {
        if (failure instanceof EngineLibraryMismatchException mismatch) {
            return mismatch.action();
        }
        return switch (failure.kind()) {
            case SCHEMA_CONFLICT -> "Resolve the differences named above (docs/troubleshooting.md), point chatmigrate.schema at another schema,"
                    + " or migrate this database with 'chatmigrate migrate' and start again.";
            case DISABLED_BEHIND -> "Start one instance with chatmigrate.enabled=true (or run 'chatmigrate migrate' against this database), then"
                    + " start this one again.";
            case CANNOT_CONNECT -> "Check that the database is reachable from here and its credentials: spring.datasource.*, or chatmigrate.url,"
                    + " chatmigrate.user and chatmigrate.password for a separate migration connection; chatmigrate.connect-timeout sets how long to retry.";
            case LOCK_TIMEOUT -> "Another session held a lock on the chatbot tables too long (the message names it). Try again when it is done,"
                    + " or raise chatmigrate.lock-timeout.";
            case UNKNOWN_ENGINE -> "Set chatmigrate.engine to flyway, liquibase or mybatis, and add that engine's adapter dependency"
                    + " (dev.chatmigrate:chatmigrate-<engine>-adapter).";
            default -> failure.setting().map(setting -> "Set chatmigrate." + property(setting)
                    + failure.expected().map(expected -> " (expected " + expected + ")").orElse("") + ".")
                    .orElse("See the message above and docs/troubleshooting.md.");
        };
    }

    private static String property(String setting) {
        return setting.equals("database-url") ? "url" : setting;
    }
}
