package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command's log lines: one prefixed line per event, the stack trace after it when there is one. */
class CliLoggingTest {

    private final Logger logger = new LoggerContext().getLogger("dev.chatmigrate.test");

    @Test
    @DisplayName("an event is one line: the prefix and the formatted message")
    void eventIsOnePrefixedLine() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "schema {} adopted", null, new Object[] {"chat"});

        assertThat(new CliLogging.Line().doLayout(event)).isEqualTo("chatmigrate: schema chat adopted" + System.lineSeparator());
    }

    @Test
    @DisplayName("an event with an exception is followed by its stack trace")
    void exceptionIsFollowedByItsStackTrace() {
        IllegalStateException failure = new IllegalStateException("lock row taken");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "release failed", failure, null);

        String layout = new CliLogging.Line().doLayout(event);

        assertThat(layout).startsWith("chatmigrate: release failed" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: lock row taken")
                .contains("\tat " + CliLoggingTest.class.getName());
    }

    @Test
    @DisplayName("another library's event names that library and its level, never reads as chatmigrate's")
    void anotherLibrarysEventNamesTheLibrary() {
        Logger flyway = new LoggerContext().getLogger("org.flywaydb.core.internal.command.DbMigrate");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, flyway, Level.WARN, "DB: something odd", null, null);

        assertThat(new CliLogging.Line().doLayout(event)).isEqualTo("flyway warn: DB: something odd" + System.lineSeparator());
    }
}
