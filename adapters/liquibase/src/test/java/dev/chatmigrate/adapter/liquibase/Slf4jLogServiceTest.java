package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import liquibase.lockservice.StandardLockService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class Slf4jLogServiceTest {

    private final Logger liquibaseLockService = (Logger) LoggerFactory.getLogger(StandardLockService.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void listen() {
        liquibaseLockService.setLevel(Level.INFO);
        events.start();
        liquibaseLockService.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        liquibaseLockService.detachAppender(events);
        liquibaseLockService.setLevel(null);
    }

    @Test
    @DisplayName("the adapter's lock service logs under the name of Liquibase's, as a library message and not chatmigrate's progress")
    void extensionLogsUnderLiquibaseName() {
        new Slf4jLogService().getLog(AdvisoryLockedLockService.class).info("Successfully acquired change log lock");

        assertThat(events.list).singleElement()
                .extracting(ILoggingEvent::getLoggerName).isEqualTo("liquibase.lockservice.StandardLockService");
    }

    @Test
    @DisplayName("Liquibase's own classes log under their own names")
    void liquibaseClassLogsUnderItsName() {
        new Slf4jLogService().getLog(StandardLockService.class).warning("Waiting for changelog lock....");

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLoggerName()).isEqualTo("liquibase.lockservice.StandardLockService");
            assertThat(event.getFormattedMessage()).isEqualTo("Waiting for changelog lock....");
        });
    }
}
