package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.cli.ChatmigrateCommand;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * chatmigrate beside an application's own engine in the same schema (docs/design.md, "Shared databases"): the
 * application's history under the engine's default name is never read, renamed or adopted, and chatmigrate's history
 * as earlier releases kept it under that name is carried over, once, without user action.
 */
class SharedSchemaTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    @TempDir
    Path scripts;

    private TestDatabase database;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        database = TestPostgres.server().createDatabase();
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(log);
        database.close();
    }

    @ParameterizedTest(name = "chatmigrate --engine {0}")
    @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
    @DisplayName("the application's Flyway keeps flyway_schema_history: chatmigrate renames nothing of it, and the application's next Flyway run is a no-op")
    void applicationsFlywayIsLeftAlone(String engine) throws Exception {
        applicationFlyway().migrate();
        // the application's Flyway first, on an empty schema: the usual order when chatmigrate is added later
        List<String> appHistory = EngineSwitchTest.names(database, "select version || ' ' || checksum || ' ' || success from flyway_schema_history order by installed_rank");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ChatmigrateCommand.run(Map.of("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user(),
                "CHATMIGRATE_CONNECT_TIMEOUT", "10s"), new PrintWriter(out, true), new PrintWriter(err, true), "migrate", "--engine", engine);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains(engine + ": schema public migrated from version 0 to " + LATEST);
        assertThat(EngineSwitchTest.names(database, "select version || ' ' || checksum || ' ' || success from flyway_schema_history order by installed_rank"))
                .isEqualTo(appHistory);
        assertThat(EngineSwitchTest.names(database, "select relname from pg_class where relname like '%retired%' or relname like 'chatmigrate\\_%' and relkind = 'r'"))
                .noneMatch(name -> name.contains("retired"));
        assertThat(applicationFlyway().migrate().migrationsExecuted).as("the application's next Flyway run").isZero();
        assertThat(applicationFlyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(runner(engine).status().currentVersion()).isEqualTo(LATEST);
        assertThat(carryOvers()).isEmpty();
    }

    @Test
    @DisplayName("chatmigrate's Flyway history under flyway_schema_history (an earlier release) is carried over once, nothing applied again")
    void earlierFlywayHistoryIsCarriedOver() throws Exception {
        runner("flyway").migrate(LATEST);
        asEarlierReleasesKeptIt("chatmigrate_flyway_history", "flyway_schema_history");

        MigrationReport report = runner("flyway").migrate(LATEST);

        assertThat(report.steps()).isEmpty();
        assertThat(report.versionBefore()).isEqualTo(LATEST);
        assertThat(tables()).contains("chatmigrate_flyway_history").doesNotContain("flyway_schema_history");
        assertThat(EngineSwitchTest.names(database, "select relname from pg_class where relkind = 'i' and relname like 'chatmigrate\\_flyway\\_history%'"))
                .containsExactlyInAnyOrder("chatmigrate_flyway_history_pk", "chatmigrate_flyway_history_s_idx");
        assertThat(carryOvers()).singleElement().asString().contains("from flyway_schema_history").contains("to chatmigrate_flyway_history");

        runner("flyway").migrate(LATEST);
        // outside Spring Boot, an application adding Flyway to a schema with tables baselines below its first version
        Flyway application = Flyway.configure().configuration(applicationFlyway().getConfiguration()).baselineOnMigrate(true).baselineVersion("0").load();
        assertThat(application.migrate().migrationsExecuted).isEqualTo(2);

        assertThat(carryOvers()).hasSize(1);
        assertThat(runner("flyway").status().currentVersion()).isEqualTo(LATEST);
    }

    @Test
    @DisplayName("chatmigrate's Liquibase history under databasechangelog (an earlier release) is carried over with its lock table, even when another engine runs")
    void earlierLiquibaseHistoryIsCarriedOver() throws SQLException {
        runner("liquibase").migrate(3);
        asEarlierReleasesKeptIt("chatmigrate_changelog_lock", "databasechangeloglock");
        asEarlierReleasesKeptIt("chatmigrate_changelog", "databasechangelog");

        MigrationReport report = runner("flyway").migrate(3);

        assertThat(report.trackedBy()).hasValue("liquibase");
        assertThat(tables()).contains("chatmigrate_changelog", "chatmigrate_changelog_lock").doesNotContain("databasechangelog", "databasechangeloglock");
        assertThat(carryOvers()).singleElement();
        assertThat(runner("liquibase").migrate(LATEST).steps()).hasSize(LATEST - 3);
    }

    @Test
    @DisplayName("a databasechangelog holding an application's changeset beside chatmigrate's is the application's: left alone, chatmigrate starts its own")
    void mixedHistoryIsTheApplications() throws SQLException {
        runner("liquibase").migrate(LATEST);
        asEarlierReleasesKeptIt("chatmigrate_changelog_lock", "databasechangeloglock");
        asEarlierReleasesKeptIt("chatmigrate_changelog", "databasechangelog");
        execute("insert into databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum)"
                + " values ('app-1', 'app', 'db/changelog/db.changelog-master.yaml', now(), 100, 'EXECUTED', '9:0')");
        List<String> appHistory = EngineSwitchTest.names(database, "select id from databasechangelog order by id");

        MigrationReport report = runner("liquibase").migrate(LATEST);

        assertThat(report.adoption()).as("the changesets are marked as ran: the tables exist").anySatisfy(note -> assertThat(note).contains("as ran"));
        assertThat(tables()).contains("databasechangelog", "databasechangeloglock", "chatmigrate_changelog");
        assertThat(EngineSwitchTest.names(database, "select id from databasechangelog order by id")).isEqualTo(appHistory);
        assertThat(carryOvers()).isEmpty();
        assertThat(runner("liquibase").status().currentVersion()).isEqualTo(LATEST);
    }

    private Flyway applicationFlyway() throws IOException {
        Files.writeString(scripts.resolve("V1__create_app_users.sql"), "create table app_users (id bigint primary key, name text not null);\n");
        Files.writeString(scripts.resolve("V2__add_app_users_email.sql"), "alter table app_users add column email text;\n");
        return Flyway.configure().dataSource(database.database().jdbcUrl(), database.database().user(), database.database().password())
                .locations("filesystem:" + scripts).load();
    }


    /** Renames chatmigrate's table and its indexes back to the name an earlier release used. */
    private void asEarlierReleasesKeptIt(String table, String earlier) throws SQLException {
        for (String relation : EngineSwitchTest.names(database, "select relname from pg_class where relname like '" + table.replace("_", "\\_") + "%'"
                + " and relkind = 'i'")) {
            execute("alter index " + relation + " rename to " + earlier + relation.substring(table.length()));
        }
        execute("alter table " + table + " rename to " + earlier);
    }

    private MigrationRunner runner(String engine) {
        return new MigrationRunner(database.settings(engine), MigrationEngines.measured(engine));
    }

    private List<String> tables() throws SQLException {
        return EngineSwitchTest.names(database, "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and relkind = 'r'");
    }

    private List<String> carryOvers() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("Carried chatmigrate's")).toList();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
