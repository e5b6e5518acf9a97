package dev.chatmigrate.adapter.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.SQLWarning;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** PostgreSQL's notices during a Flyway adoption are logged at INFO under Flyway's logger, never as warnings. */
class FlywayNoticesTest {

    @Test
    @DisplayName("adopting tables another engine built logs \"already exists, skipping\" at INFO under Flyway, and no WARN line")
    void adoptionNoticesAreNotWarnings() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            JdbcBaselineProvider other = new JdbcBaselineProvider();
            new MigrationRunner(database.settings(other.id()), other).migrate(ChatbotSchema.LATEST_VERSION);

            new MigrationRunner(database.settings("flyway"), new FlywayEngineProvider()).migrate(ChatbotSchema.LATEST_VERSION, true);
        } finally {
            root.detachAppender(log);
        }

        assertThat(log.list).filteredOn(event -> event.getFormattedMessage().contains("already exists, skipping"))
                .isNotEmpty()
                .allSatisfy(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.INFO);
                    assertThat(event.getLoggerName()).startsWith("org.flywaydb.");
                });
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }

    @Test
    @DisplayName("without a severity, a skipping notice is taken out of the chain Flyway sees and real warnings stay")
    void realWarningsStay() {
        SQLWarning notice = new SQLWarning("relation \"messages\" already exists, skipping", "42P07");
        SQLWarning warning = new SQLWarning("there is no transaction in progress", "25P01");
        SQLWarning realWarning = new SQLWarning("nonstandard use of escape in a string literal", "01000");
        notice.setNextWarning(warning);
        warning.setNextWarning(realWarning);

        SQLWarning kept = FlywayNotices.withoutNotices(notice);

        assertThat(kept.getSQLState()).isEqualTo("25P01");
        assertThat(kept.getNextWarning().getSQLState()).isEqualTo("01000");
        assertThat((Object) kept.getNextWarning().getNextWarning()).isNull();
        assertThat((Object) FlywayNotices.withoutNotices(new SQLWarning("skipping", "00000"))).isNull();
    }
}
