package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command's log lines: one prefixed line per event; the stack trace after it only with --verbose. */
class CliLoggingTest {

    private final Logger logger = new LoggerContext().getLogger("dev.chatmigrate.test");

    @Test
    @DisplayName("an event is one line: the prefix and the formatted message")
    void eventIsOnePrefixedLine() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "schema {} adopted", null, new Object[] {"chat"});

        assertThat(new CliLogging.Line().doLayout(event)).isEqualTo("chatmigrate: schema chat adopted" + System.lineSeparator());
    }

    @Test
    @DisplayName("an engine's multi-line message with an exception is one line naming the innermost cause, without --verbose")
    void engineFailureIsOneLine() {
        IllegalStateException failure = new IllegalStateException("wrapper", new java.sql.SQLException("FATAL: terminating connection\ndetail"));
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "Migration V4 failed\n-----\nSQL State  : 57P01", failure, null);

        String layout = new CliLogging.Line().doLayout(event);

        assertThat(layout).isEqualTo("chatmigrate: Migration V4 failed SQL State  : 57P01 (FATAL: terminating connection detail)"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("with --verbose, an event with an exception is followed by its stack trace")
    void verboseExceptionIsFollowedByItsStackTrace() {
        IllegalStateException failure = new IllegalStateException("lock row taken");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "release failed", failure, null);

        CliLogging.verbose(true);
        String layout;
        try {
            layout = new CliLogging.Line().doLayout(event);
        } finally {
            CliLogging.verbose(false);
        }

        assertThat(layout).startsWith("chatmigrate: release failed" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: lock row taken")
                .contains("\tat " + CliLoggingTest.class.getName());
    }

    @Test
    @DisplayName("an engine's line repeated on a retry is printed once; chatmigrate's own lines every time")
    void repeatedEngineLineIsPrintedOnce() {
        Logger engine = new LoggerContext().getLogger("org.flywaydb.core.internal.command.DbMigrate");
        LoggingEvent failed = new LoggingEvent(Logger.FQCN, engine, Level.ERROR, "Migration of version 3 failed!", null, null);
        LoggingEvent progress = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "trying again", null, null);
        CliLogging.Line line = new CliLogging.Line();

        assertThat(line.doLayout(failed) + line.doLayout(progress) + line.doLayout(failed) + line.doLayout(progress))
                .isEqualTo("flyway error: Migration of version 3 failed!" + System.lineSeparator()
                        + ("chatmigrate: trying again" + System.lineSeparator()).repeat(2));
    }

    @Test
    @DisplayName("another library's event names that library and its level, never reads as chatmigrate's")
    void anotherLibrarysEventNamesTheLibrary() {
        Logger flyway = new LoggerContext().getLogger("org.flywaydb.core.internal.command.DbMigrate");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, flyway, Level.WARN, "DB: something odd", null, null);

        assertThat(new CliLogging.Line().doLayout(event)).isEqualTo("flyway warn: DB: something odd" + System.lineSeparator());
    }
}
