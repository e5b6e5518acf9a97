package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.cli.ChatmigrateCommand;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Switching engines is deliberate (switch-engine): without it, a schema another engine tracks is left to it. A switch
 * on a live database leaves one truthful record: the previous engine's history is retired,
 * {@code status} with either engine tells the truth, the switch is announced once, and rows are kept.
 * Every ordered pair of the engines on the class path and the {@code jdbc} baseline.
 */
class EngineSwitchTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    static Stream<Arguments> enginePairs() {
        List<String> ids = MigrationEngines.measuredIds();
        return ids.stream().flatMap(first -> ids.stream().filter(second -> !second.equals(first)).map(second -> Arguments.of(first, second)));
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @ParameterizedTest(name = "{0} built it and went down to 3, {1} takes over")
    @MethodSource("enginePairs")
    @DisplayName("after a downgrade, the next engine reaches the latest version, the first claims nothing, and the switch is announced once")
    void switchAfterDowngrade(String first, String second) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, first).migrate(LATEST);
            DataFingerprint before = fillAndFingerprint(database);
            runner(database, first).downgrade(3, false);

            MigrationReport report = runner(database, second).migrate(LATEST, true);

            assertThat(report.alreadyPresent()).as("recorded as already there").containsExactly(1, 2, 3);
            assertThat(report.steps()).extracting(AppliedStep::version).as("applied").containsExactlyElementsOf(versionsAbove(3));
            assertThat(report.versionBefore()).isEqualTo(3);
            assertThat(runner(database, second).status()).satisfies(status -> {
                assertThat(status.currentVersion()).isEqualTo(LATEST);
                assertThat(status.upToDate()).isTrue();
                assertThat(status.notes()).isEmpty();
            });
            assertClaimsNothing(runner(database, first).status(), second, LATEST);
            assertThat(announcements()).singleElement().satisfies(line -> assertThat(line)
                    .contains("from " + first + " to " + second + " at version " + LATEST));
            assertThat(fingerprint(database)).isEqualTo(before);
            assertCanonical(database, LATEST);
        }
    }

    @ParameterizedTest(name = "{0} built it, {1} took over and went down to 2, {0} takes it back")
    @MethodSource("enginePairs")
    @DisplayName("a downgrade after a switch is told truly by both engines, and switching back leaves one truthful history")
    void downgradeAfterSwitchThenBack(String first, String second) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, first).migrate(LATEST);
            DataFingerprint before = fillAndFingerprint(database);
            runner(database, second).migrate(LATEST, true);

            runner(database, second).downgrade(2, false);

            assertThat(runner(database, second).status().currentVersion()).isEqualTo(2);
            assertClaimsNothing(runner(database, first).status(), second, 2);
            assertCanonical(database, 2);

            runner(database, first).migrate(LATEST, true);

            assertThat(runner(database, first).status()).satisfies(status -> {
                assertThat(status.currentVersion()).isEqualTo(LATEST);
                assertThat(status.notes()).isEmpty();
            });
            assertClaimsNothing(runner(database, second).status(), first, LATEST);
            assertThat(announcements()).containsExactly(
                    announcement(first, second, LATEST), announcement(second, first, LATEST));
            assertThat(fingerprint(database)).isEqualTo(before);
            assertCanonical(database, LATEST);
        }
    }

    @ParameterizedTest(name = "{0} tracks it, {1} runs without switch-engine")
    @MethodSource("enginePairs")
    @DisplayName("without switch-engine, an engine that finds the schema tracked by another at its target changes nothing and names it")
    void noSwitchWithoutTheFlag(String first, String second) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, first).migrate(LATEST);
            String catalog = catalog(database);

            MigrationReport report = runner(database, second).migrate(LATEST);

            assertThat(report.trackedBy()).hasValue(first);
            assertThat(report.changedNothing()).isTrue();
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            assertThat(catalog(database)).isEqualTo(catalog);
            assertThat(runner(database, first).status().currentVersion()).isEqualTo(LATEST);
            assertThat(runner(database, second).status()).satisfies(status -> {
                assertThat(status.trackedBy()).hasValue(first);
                assertThat(status.tablesVersion()).hasValue(LATEST);
                assertThat(status.pending()).isEmpty();
            });
            assertThat(announcements()).isEmpty();
        }
    }

    @Test
    @DisplayName("without switch-engine, an engine whose target is above the tracked tables is refused naming the setting, nothing changed")
    void belowTheTargetWithoutTheFlagIsRefused() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "liquibase").migrate(3);
            String catalog = catalog(database);

            InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> runner(database, "flyway").migrate(LATEST));

            assertThat(refused.setting()).hasValue("switch-engine");
            assertThat(refused.getMessage()).contains("tracked by liquibase").contains("version 3").contains("switch-engine=true");
            assertThat(catalog(database)).isEqualTo(catalog);
            assertThat(runner(database, "flyway").status()).satisfies(status -> {
                assertThat(status.trackedBy()).hasValue("liquibase");
                assertThat(status.tablesVersion()).hasValue(3);
                assertThat(status.pending()).containsExactlyElementsOf(versionsAbove(3));
            });
        }
    }

    @Test
    @DisplayName("the command: exit 2 naming --switch-engine, status --json with trackedBy and tablesVersion, a switch report that tells recorded from applied")
    void theCommandTellsTheTruth() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "liquibase").migrate(3);

            Command refused = command(database, "migrate", "--engine", "flyway");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("tracked by liquibase").contains("--switch-engine");

            Command status = command(database, "status", "--engine", "flyway", "--json");
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("\"currentVersion\":0").contains("\"pending\":" + versionsAbove(3).toString().replace(" ", ""))
                    .contains("\"trackedBy\":\"liquibase\"").contains("\"tablesVersion\":3");

            Command switched = command(database, "migrate", "--engine", "flyway", "--switch-engine", "--json");
            assertThat(switched.exitCode()).as(switched.err()).isZero();
            assertThat(switched.out()).contains("\"versionBefore\":3").contains("\"alreadyPresent\":[1,2,3]").contains("\"version\":4")
                    .doesNotContain("\"version\":1,");

            Command oldReplica = command(database, "migrate", "--engine", "liquibase");
            assertThat(oldReplica.exitCode()).isZero();
            assertThat(oldReplica.out()).contains("liquibase: schema public is tracked by flyway at version " + LATEST + "; liquibase changed nothing");
        }
    }

    record Command(int exitCode, String out, String err) {
    }

    private static Command command(TestDatabase database, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exitCode = ChatmigrateCommand.run(java.util.Map.of("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user(),
                "CHATMIGRATE_CONNECT_TIMEOUT", "10s"), new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Command(exitCode, out.toString(), err.toString());
    }

    @Test
    @DisplayName("a switch to a version below the one the tables are at is refused before any change")
    void switchBelowTheTablesIsRefused() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "flyway").migrate(LATEST);

            SchemaConflictException refused = catchThrowableOfType(SchemaConflictException.class,
                    () -> runner(database, "liquibase").migrate(LATEST - 1, true));

            assertThat(refused.getMessage()).contains("from flyway to liquibase at version " + (LATEST - 1))
                    .contains("tables are at version " + LATEST);
            assertThat(tableExists(database, "chatmigrate_flyway_history")).isTrue();
            assertThat(tableExists(database, "chatmigrate_changelog")).isFalse();
            assertThat(runner(database, "flyway").status().currentVersion()).isEqualTo(LATEST);
            assertThat(announcements()).isEmpty();
        }
    }

    @Test
    @DisplayName("a downgrade with an engine that keeps no history of the schema is refused, naming the engine that does")
    void downgradeWithTheOtherEngineIsRefused() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "mybatis").migrate(LATEST);

            InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> runner(database, "flyway").downgrade(2, false));

            assertThat(refused.getMessage()).contains("with flyway").contains("Downgrade with mybatis");
            assertThat(refused.setting()).hasValue("engine");
            assertThat(runner(database, "mybatis").status().currentVersion()).isEqualTo(LATEST);
            assertCanonical(database, LATEST);
        }
    }

    @Test
    @DisplayName("the retired history keeps its rows under a new name, with its indexes renamed, so the engine can make a fresh one")
    void retiredHistoryIsKeptAside() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            runner(database, "flyway").migrate(LATEST);
            runner(database, "mybatis").migrate(LATEST, true);
            runner(database, "flyway").migrate(LATEST, true);
            runner(database, "mybatis").migrate(LATEST, true);

            List<String> retired = names(database, "select relname from pg_class where relname like 'chatmigrate\\_flyway\\_history%' and relkind = 'r'");
            assertThat(retired).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("chatmigrate_flyway_history_retired_"));
            assertThat(names(database, "select relname from pg_class where relname like 'chatmigrate\\_flyway\\_history%' and relkind = 'i'"))
                    .hasSize(4).allSatisfy(name -> assertThat(name).contains("_retired_"));
            assertThat(runner(database, "mybatis").status().currentVersion()).isEqualTo(LATEST);
            assertThat(runner(database, "flyway").status().notes()).singleElement()
                    .satisfies(note -> assertThat(note).contains("flyway's earlier history is kept as chatmigrate_flyway_history_retired_"));
        }
    }

    private static List<Integer> versionsAbove(int version) {
        return ChatbotSchema.VERSIONS.stream().map(v -> v.number()).filter(v -> v > version).toList();
    }

    /** Every relation of schema public with its kind, and every table's row count: what "nothing changed" compares. */
    static String catalog(TestDatabase database) throws SQLException {
        return String.join("\n", names(database, "select c.relname || ' ' || c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' order by 1"));
    }

    private static MigrationRunner runner(TestDatabase database, String engine) {
        return new MigrationRunner(database.settings(engine), MigrationEngines.measured(engine));
    }

    /** The engine's own history is gone (retired), so it reports no version, and its note names the engine that tracks the schema and the tables' version. */
    private static void assertClaimsNothing(StatusReport status, String trackedBy, int tablesVersion) {
        assertThat(status.currentVersion()).isZero();
        assertThat(status.applied()).isEmpty();
        assertThat(status.notes()).singleElement().satisfies(note -> assertThat(note)
                .contains("tracked by " + trackedBy + ", not by " + status.engineId())
                .contains("its tables are at version " + tablesVersion));
    }

    private static String announcement(String from, String to, int version) {
        return "from " + from + " to " + to + " at version " + version;
    }

    /** The switch announcements logged, each cut to its "from A to B at version N" part. */
    private List<String> announcements() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("Switched schema"))
                .map(line -> line.substring(line.indexOf("from "), line.indexOf(':'))).toList();
    }

    private static DataFingerprint fillAndFingerprint(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
        return fingerprint(database);
    }

    private static DataFingerprint fingerprint(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    private static void assertCanonical(TestDatabase database, int version) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", version).drifts()).isEmpty();
        }
    }

    private static boolean tableExists(TestDatabase database, String table) throws SQLException {
        return !names(database, "select relname from pg_class where relname = '" + table + "'").isEmpty();
    }

    static List<String> names(TestDatabase database, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
