package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The traps of MyBatis Migrations on PostgreSQL, one group each, against the real test server. */
class MyBatisTrapsTest extends MyBatisDatabaseTest {

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

            assertThat(versions(again)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).boxed().toList());
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
            MigrationSettings withPassword = plain.withDataSource(database.database().withCredentials(null, "s3cret-Pa55")
                    .dataSource("mybatis", plain.connectTimeout()));

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

                assertThat(versions(engine.migrate(LATEST))).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, LATEST).boxed().toList());
                assertThat(engine.status().upToDate()).isTrue();
            }
            assertCanonical("public", LATEST);
        }
    }

    @Nested
    @DisplayName("A script and its changelog row are committed separately")
    class CrashBetweenScriptAndRow {

        @ParameterizedTest(name = "crash after version {0}")
        @MethodSource("dev.chatmigrate.adapter.mybatis.CanonicalSchemaTest#versions")
        @DisplayName("a version whose script committed but whose row is missing is applied again, rows kept")
        void missingRowIsRepairedByTheNextRun(int version) throws SQLException {
            runner().migrate(version);
            if (version >= 2) {
                try (Connection connection = database.connect()) {
                    SampleRows.insert(connection, "public");
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
    @DisplayName("MyBatis has no lock of its own")
    class NoLockOfItsOwn {

        @Test
        @DisplayName("eight replicas at once: one applies versions 1 to 4, the others wait for the runner's lock and apply nothing")
        void replicasAreSerialisedByTheRunnersLock() throws Exception {
            int replicas = 8;
            CyclicBarrier start = new CyclicBarrier(replicas);
            ExecutorService pool = Executors.newFixedThreadPool(replicas);
            List<Future<MigrationReport>> reports = new ArrayList<>();
            try {
                for (int i = 0; i < replicas; i++) {
                    reports.add(pool.submit(() -> {
                        MigrationRunner runner = runner();
                        start.await();
                        return runner.migrate(LATEST);
                    }));
                }
                List<List<Integer>> applied = new ArrayList<>();
                for (Future<MigrationReport> report : reports) {
                    applied.add(versions(report.get(120, TimeUnit.SECONDS)));
                }
                assertThat(applied).containsOnlyOnce(java.util.stream.IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).boxed().toList()).filteredOn(List::isEmpty).hasSize(replicas - 1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(column("select id || ':' || count(*) from mybatis_changelog group by id order by id"))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, LATEST).mapToObj(v -> v + ":1").toList());
            assertCanonical("public", LATEST);
        }
    }
}
