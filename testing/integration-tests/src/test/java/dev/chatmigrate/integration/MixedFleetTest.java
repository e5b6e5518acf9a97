package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A rolling deploy that changes the engine: four Flyway and four Liquibase replicas (threads, each with a runner of its
 * own) start together on one schema. No ping-pong: they end with exactly one live history and no chain of retired
 * tables; with switch-engine given to the new engine, the switch happens once and the old engine's replicas neither
 * switch back nor fail.
 */
class MixedFleetTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;
    private static final int EACH = 4;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @Test
    @DisplayName("on a fresh schema, 4 Flyway and 4 Liquibase replicas together: all succeed, one live history, nothing retired")
    void freshSchema() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            List<MigrationReport> reports = startTogether(database, false);

            assertThat(reports).hasSize(2 * EACH).allSatisfy(report -> assertThat(report.versionAfter()).isEqualTo(LATEST));
            assertThat(liveHistories(database)).hasSize(1);
            assertThat(retiredTables(database)).isEmpty();
            assertThat(switches()).isEmpty();
        }
    }

    @Test
    @DisplayName("on a schema Flyway tracks, 4 Flyway replicas and 4 Liquibase ones with switch-engine: one switch, to Liquibase, for good")
    void deliberateSwitch() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "flyway").migrate(LATEST);

            List<MigrationReport> reports = startTogether(database, true);

            assertThat(reports).hasSize(2 * EACH).allSatisfy(report -> assertThat(report.versionAfter()).isEqualTo(LATEST));
            assertThat(liveHistories(database)).containsExactly("chatmigrate_changelog");
            assertThat(switches()).singleElement().asString().contains("from flyway to liquibase");
            assertThat(retiredTables(database)).singleElement().asString().startsWith("chatmigrate_flyway_history_retired_");
            assertThat(runner(database, "flyway").migrate(LATEST).trackedBy()).as("a late Flyway replica").hasValue("liquibase");
            assertThat(liveHistories(database)).containsExactly("chatmigrate_changelog");
        }
    }

    /** Four Flyway and four Liquibase runners released at once; Liquibase's with {@code switchEngine}. */
    private static List<MigrationReport> startTogether(TestDatabase database, boolean switchEngine) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * EACH);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrationReport>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < EACH; i++) {
                MigrationRunner flyway = runner(database, "flyway");
                MigrationRunner liquibase = runner(database, "liquibase");
                runs.add(pool.submit(() -> {
                    start.await();
                    return flyway.migrate(LATEST);
                }));
                runs.add(pool.submit(() -> {
                    start.await();
                    return liquibase.migrate(LATEST, switchEngine);
                }));
            }
            start.countDown();
            List<MigrationReport> reports = new ArrayList<>();
            for (Future<MigrationReport> run : runs) {
                reports.add(run.get());
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private static MigrationRunner runner(TestDatabase database, String engine) {
        return new MigrationRunner(database.settings(engine), MigrationEngines.measured(engine));
    }

    private static List<String> liveHistories(TestDatabase database) throws SQLException {
        List<String> live = new ArrayList<>();
        for (String table : List.of("chatmigrate_flyway_history", "chatmigrate_changelog")) {
            if (!EngineSwitchTest.names(database, "select 1 from pg_class where relname = '" + table + "' and relkind = 'r'").isEmpty()
                    && !EngineSwitchTest.names(database, "select 1 from " + table + " limit 1").isEmpty()) {
                live.add(table);
            }
        }
        return live;
    }

    private static List<String> retiredTables(TestDatabase database) throws SQLException {
        return EngineSwitchTest.names(database, "select relname from pg_class where relkind = 'r' and relname like '%\\_retired\\_%'");
    }

    private List<String> switches() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("Switched schema")).toList();
    }
}
