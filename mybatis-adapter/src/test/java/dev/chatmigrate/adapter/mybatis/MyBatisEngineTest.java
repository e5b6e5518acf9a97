package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.contract.DatabaseStates;
import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.contract.postgres.TestPostgres;
import dev.chatmigrate.contract.reference.ReferenceEngineProvider;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationRunner;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The traps of MyBatis Migrations on PostgreSQL, one group each, against the real test server. */
class MyBatisEngineTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.server().createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private MigrationSettings settings() {
        return database.settings("mybatis");
    }

    private MigrationRunner runner() {
        return new MigrationRunner(settings(), new MyBatisEngineProvider());
    }

    private static List<Integer> versions(MigrationReport report) {
        return report.steps().stream().map(AppliedStep::version).toList();
    }

    private void sql(String statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private String schema(String name) throws SQLException {
        try (Connection connection = database.connect()) {
            return ActualSchema.describe(connection, name);
        }
    }

    private DataFingerprint fingerprint() throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    private void assertCanonical(String schema, int version) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, schema, version).drifts()).isEmpty();
        }
    }

    @Nested
    @DisplayName("JDBC warnings, which MyBatis treats as errors")
    class Warnings {

        @Test
        @DisplayName("re-running every script over existing objects passes: 'already exists, skipping' is only a notice")
        void ifNotExistsOverExistingObjectsPasses() throws SQLException {
            runner().migrate(LATEST);
            String before = schema("public");
            sql("delete from mybatis_changelog where id > 0");

            MigrationReport again = runner().migrate(LATEST);

            assertThat(versions(again)).containsExactly(1, 2, 3, 4);
            assertThat(schema("public")).isEqualTo(before);
        }

        @Test
        @DisplayName("a real WARNING still fails the step, which is rolled back; the message names the version and the warning, not the password")
        void realWarningFailsTheStep() throws SQLException {
            sql("""
                    create function warn_on_conversations() returns event_trigger language plpgsql as $$
                    begin
                        if exists (select 1 from pg_event_trigger_ddl_commands() where object_identity = 'public.conversations') then
                            raise warning 'audit: conversations changed outside the change window';
                        end if;
                    end $$;
                    create event trigger warn_on_conversations on ddl_command_end execute function warn_on_conversations();
                    """);
            MigrationSettings plain = settings();
            MigrationSettings withPassword = new MigrationSettings("mybatis", plain.database().withCredentials(null, "s3cret-Pa55"), "public",
                    plain.connectTimeout(), plain.lockTimeout());

            assertThatThrownBy(() -> new MigrationRunner(withPassword, new MyBatisEngineProvider()).migrate(LATEST))
                    .isInstanceOf(StepFailedException.class)
                    .hasMessageContaining("version 1 (create conversations)")
                    .hasMessageContaining("001_create_conversations.sql")
                    .hasMessageContaining("PostgreSQL sent a WARNING")
                    .hasMessageContaining("audit: conversations changed outside the change window")
                    .hasMessageNotContaining("s3cret-Pa55");
            assertThat(column("select to_regclass('conversations')::text")).containsExactly((String) null);
            assertThat(column("select id::text from mybatis_changelog")).containsExactly("0");
        }
    }

    @Nested
    @DisplayName("The changelog probe in a transaction (mybatis/migrations#51)")
    class ChangelogProbe {

        @Test
        @DisplayName("one engine reads status on EMPTY (the probe fails), migrates, and after a failed step goes on from there")
        void probeAndFailuresDoNotPoisonTheSession() throws SQLException {
            sql("create table messages (id text)");
            try (MyBatisEngine engine = MyBatisEngine.open("mybatis", settings())) {
                assertThat(engine.status().currentVersion()).isZero();
                assertThatThrownBy(() -> engine.migrate(2)).isInstanceOf(StepFailedException.class).hasMessageContaining("version 2");
                sql("drop table messages");

                assertThat(versions(engine.migrate(LATEST))).containsExactly(2, 3, 4);
                assertThat(engine.status().upToDate()).isTrue();
            }
            assertCanonical("public", LATEST);
        }
    }

    @Nested
    @DisplayName("A script and its changelog row are committed separately")
    class CrashBetweenScriptAndRow {

        @ParameterizedTest(name = "crash after version {0}")
        @ValueSource(ints = {1, 2, 3, 4})
        @DisplayName("a version whose script committed but whose row is missing is applied again, rows kept")
        void missingRowIsRepairedByTheNextRun(int version) throws SQLException {
            runner().migrate(version);
            if (version >= 2) {
                try (Connection connection = database.connect()) {
                    DatabaseStates.insertConversations(connection);
                    DatabaseStates.insertMessages(connection);
                }
            }
            sql("delete from mybatis_changelog where id = " + version);
            DataFingerprint before = fingerprint();

            MigrationReport report = runner().migrate(LATEST);

            assertThat(versions(report).get(0)).isEqualTo(version);
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            assertThat(fingerprint().tables()).containsAllEntriesOf(before.tables());
            assertCanonical("public", LATEST);
        }
    }

    @Nested
    @DisplayName("Version 4 builds its index concurrently")
    class ConcurrentIndex {

        @Test
        @DisplayName("version 4 and its undo run outside a transaction and are recorded in the changelog")
        void version4RunsOutsideATransaction() throws SQLException {
            runner().migrate(3);

            assertThat(versions(runner().migrate(4))).containsExactly(4);
            assertThat(column("select indisvalid::text from pg_index where indexrelid = 'ix_messages_created_at'::regclass")).containsExactly("true");
            assertThat(column("select description from mybatis_changelog where id = 4")).containsExactly("index messages created at");

            assertThat(versions(runner().downgrade(3, false))).containsExactly(4);
            assertThat(column("select to_regclass('ix_messages_created_at')::text")).containsExactly((String) null);
            assertThat(column("select id::text from mybatis_changelog order by id")).containsExactly("0", "1", "2", "3");
        }
    }

    @Nested
    @DisplayName("Downgrade with the @UNDO sections")
    class Downgrade {

        @Test
        @DisplayName("downgrade to 0 undoes 4, 3, 2, 1 and keeps only the changelog with its own creation")
        void downgradeToZeroUndoesNewestFirst() throws SQLException {
            runner().migrate(LATEST);

            MigrationReport report = runner().downgrade(0, false);

            assertThat(versions(report)).containsExactly(4, 3, 2, 1);
            assertThat(report.steps()).extracting(AppliedStep::description).first().asString().startsWith("undo ");
            assertThat(column("select id::text from mybatis_changelog")).containsExactly("0");
            assertThat(schema("public")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Validation without checksums")
    class Validation {

        @Test
        @DisplayName("a fresh history is valid")
        void freshHistoryIsValid() {
            runner().migrate(LATEST);

            assertThat(runner().validate().problems()).isEmpty();
        }

        @Test
        @DisplayName("a changelog row without a script is reported, and migrate refuses to pretend it reached the target")
        void rowWithoutScriptIsReported() throws SQLException {
            runner().migrate(2);
            sql("insert into mybatis_changelog values (20260116093000, '2026-01-16 09:30:00', 'add users table')");

            assertThat(runner().validate().problems())
                    .anySatisfy(problem -> assertThat(problem).contains("20260116093000").contains("add users table").contains("no script"));
            assertThatThrownBy(() -> runner().migrate(LATEST))
                    .isInstanceOf(StepFailedException.class)
                    .hasMessageContaining("stopped at version 2")
                    .hasMessageContaining("20260116093000");
        }

        @Test
        @DisplayName("a version missing below the newest recorded one is reported: MyBatis would never apply it")
        void gapIsReported() throws SQLException {
            runner().migrate(LATEST);
            sql("delete from mybatis_changelog where id = 2");

            assertThat(runner().validate().problems()).singleElement().asString().contains("002_create_messages.sql").contains("never apply");
            assertThat(runner().status().pending()).containsExactly(2);
        }
    }

    @Nested
    @DisplayName("Schema, output and engine switching")
    class Environment {

        @Test
        @DisplayName("the configured schema holds the tables and the changelog; public stays empty")
        void honoursTheSchema() throws SQLException {
            MigrationSettings chatbot = settings().withSchema("chatbot");

            new MigrationRunner(chatbot, new MyBatisEngineProvider()).migrate(LATEST);

            assertCanonical("chatbot", LATEST);
            assertThat(column("select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_schema in ('public', 'chatbot') order by 1"))
                    .containsExactly("chatbot.conversations", "chatbot.messages", "chatbot.mybatis_changelog");
            assertThat(new MigrationRunner(chatbot, new MyBatisEngineProvider()).status().upToDate()).isTrue();
        }

        @Test
        @DisplayName("MyBatis's console output goes to slf4j at DEBUG, never to standard output")
        void outputGoesToSlf4j() {
            Logger logger = (Logger) LoggerFactory.getLogger(MyBatisOutput.class);
            ListAppender<ILoggingEvent> events = new ListAppender<>();
            events.start();
            logger.addAppender(events);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            PrintStream standardOutput = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                runner().migrate(LATEST);
            } finally {
                System.setOut(standardOutput);
                logger.detachAppender(events);
                logger.setLevel(null);
                logger.setAdditive(true);
            }

            assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Applying").doesNotContain("create table");
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line).contains("Applying: 001_create_conversations.sql"));
        }

        @Test
        @DisplayName("a database built by another engine at an older version is taken over: rows kept, its history untouched")
        void switchingEngineKeepsRows() throws SQLException {
            ReferenceEngineProvider other = new ReferenceEngineProvider();
            new MigrationRunner(settings().withEngine(other.id()), other).migrate(2);
            try (Connection connection = database.connect()) {
                DatabaseStates.insertConversations(connection);
                DatabaseStates.insertMessages(connection);
            }
            DataFingerprint before = fingerprint();

            MigrationReport report = runner().migrate(LATEST);

            assertThat(versions(report)).containsExactly(1, 2, 3, 4);
            assertThat(report.adoption()).anySatisfy(note -> assertThat(note).contains("no mybatis_changelog"));
            assertThat(fingerprint().tables()).containsAllEntriesOf(before.tables());
            assertThat(column("select count(*)::text from chatmigrate_reference_history")).containsExactly("2");
            assertCanonical("public", LATEST);
        }
    }
}
