package dev.chatmigrate.adapter.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Flyway's log through {@link FlywayLog}: everything Flyway says, but its advice to restore backups. */
class FlywayLogTest {

    @Test
    @DisplayName("a version outside a transaction that gives up waiting for its lock is logged as failed, without the advice to restore backups")
    void failedNonTransactionalVersionIsLoggedWithoutRestoreAdvice() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
        log.start();
        flyway.addAppender(log);
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            MigrationSettings settings = new MigrationSettings("flyway", database.settings("flyway").dataSource(), "public",
                    Duration.ofSeconds(10), Duration.ofMillis(600), Duration.ofMillis(100));
            new MigrationRunner(settings, new FlywayEngineProvider()).migrate(3);

            try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.execute("lock table messages in share mode"); // what version 4's concurrent index build must wait for

                assertThatThrownBy(() -> new MigrationRunner(settings, new FlywayEngineProvider()).migrate(4))
                        .isInstanceOf(LockTimeoutException.class);
                holder.rollback();
            }
        } finally {
            flyway.detachAppender(log);
        }

        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("to version \"4").endsWith("failed!"))
                .noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains("restore backups"));
    }
}
