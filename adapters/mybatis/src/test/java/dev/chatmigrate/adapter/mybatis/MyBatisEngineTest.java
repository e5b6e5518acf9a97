package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.verifier.DataFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the MyBatis engine does beyond the contract: native downgrade, validation, schema, output, engine switching. */
class MyBatisEngineTest extends MyBatisDatabaseTest {

    @Nested
    @DisplayName("Downgrade with the @UNDO sections")
    class Downgrade {

        @Test
        @DisplayName("downgrade to 0 undoes every version newest first and keeps only the changelog with its own creation")
        void downgradeToZeroUndoesNewestFirst() throws SQLException {
            runner().migrate(LATEST);

            MigrationReport report = runner().downgrade(0, false);

            assertThat(versions(report)).containsExactlyElementsOf(java.util.stream.IntStream.iterate(ChatbotSchema.LATEST_VERSION, v -> v >= 1, v -> v - 1).boxed().toList());
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
        @DisplayName("a database built by another engine at an older version is taken over: rows kept, its history retired with its rows")
        void switchingEngineKeepsRows() throws SQLException {
            JdbcBaselineProvider other = new JdbcBaselineProvider();
            new MigrationRunner(settings().withEngine(other.id()), other).migrate(2);
            try (Connection connection = database.connect()) {
                SampleRows.insert(connection, "public");
            }
            DataFingerprint before = fingerprint();

            MigrationReport report = runner().migrate(LATEST, true);

            assertThat(report.alreadyPresent()).containsExactly(1, 2);
            assertThat(versions(report)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(3, ChatbotSchema.LATEST_VERSION).boxed().toList());
            assertThat(report.adoption()).anySatisfy(note -> assertThat(note).contains("no mybatis_changelog"));
            assertThat(fingerprint().tables()).containsAllEntriesOf(before.tables());
            assertThat(column("select to_regclass('chatmigrate_jdbc_history')::text")).containsOnlyNulls();
            List<String> retired = column("select relname::text from pg_class where relname like 'chatmigrate\\_jdbc\\_history\\_retired\\_%' and relkind = 'r'");
            assertThat(retired).hasSize(1);
            assertThat(column("select count(*)::text from " + retired.get(0))).containsExactly("2");
            assertCanonical("public", LATEST);
        }
    }
}
