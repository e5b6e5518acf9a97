package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A replica killed mid-migration leaves Liquibase's lock row taken. Liquibase would wait for it; here
 * its wait is set to zero minutes, so that an engine that did not release the row fails at once
 * instead of after 5 minutes.
 */
class StaleLockTest {

    private static final String WAIT_PROPERTY = "liquibase.changelogLockWaitTimeInMinutes";

    private TestDatabase database;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        database = TestPostgres.server().createDatabase();
        System.setProperty(WAIT_PROPERTY, "0");
        log.start();
        ((Logger) LoggerFactory.getLogger(StaleLock.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(StaleLock.class)).detachAppender(log);
        System.clearProperty(WAIT_PROPERTY);
        database.close();
    }

    private MigrationRunner runner() {
        return new MigrationRunner(database.settings("liquibase"), new LiquibaseEngineProvider());
    }

    @Test
    @DisplayName("a lock row left taken by a dead replica is released, logged, and the migration goes on")
    void staleLockRowIsReleased() throws SQLException {
        runner().migrate(2);
        execute("update chatmigrate_changelog_lock set locked = true, lockgranted = now() - interval '1 hour',"
                + " lockedby = 'replica-7 (10.0.0.7)' where id = 1");

        MigrationReport report = runner().migrate(ChatbotSchema.LATEST_VERSION);

        assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(lockTaken()).as("lock row after the migration").isFalse();
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("Releasing the Liquibase lock").contains("replica-7 (10.0.0.7)"));
    }

    @Test
    @DisplayName("a free lock row is left alone and nothing is logged about it")
    void freeLockRowIsNotReported() throws SQLException {
        runner().migrate(2);

        runner().migrate(ChatbotSchema.LATEST_VERSION);

        assertThat(lockTaken()).isFalse();
        assertThat(log.list).isEmpty();
    }

    private boolean lockTaken() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select locked from chatmigrate_changelog_lock where id = 1")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
