package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.lock.AdvisoryLock;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.RefusedDataLossException;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.testing.DatabaseProbe;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.engines.OpenCountingProvider;
import dev.chatmigrate.testing.online.RefusingThenForwardingProxy;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the {@link MigrationRunner} does whichever engine it runs: adoption and its refusals, the
 * data-loss guard, the lock, connect retries and the warm-up policy. No engine can break these, so
 * they are tested once, against the {@code jdbc} baseline, rather than in every engine's contract.
 */
class RunnerTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    @FreshDatabase
    private TestDatabase database;

    private final JdbcBaselineProvider baseline = new JdbcBaselineProvider();

    private MigrationSettings settings() {
        return database.settings(baseline.id());
    }

    private MigrationRunner runner() {
        return new MigrationRunner(settings(), baseline);
    }

    private DatabaseProbe probe() {
        return new DatabaseProbe(database);
    }

    @Nested
    @DisplayName("Adoption")
    class Adoption {

        @Test
        @DisplayName("PARTIAL is adopted before the engine runs: the ORM's names become canonical, each change noted")
        void partialIsAdoptedWithNotes() throws SQLException {
            DatabaseState.PARTIAL.prepare(settings(), baseline);

            MigrationReport report = runner().migrate(LATEST);

            assertThat(report.adoption()).anySatisfy(note -> assertThat(note).contains("pk_conversations"));
            probe().assertSchemaIs(LATEST);
        }

        @Test
        @DisplayName("UNTRACKED (both tables with rows, an ORM's names, no history) is adopted: the renames are noted, every row is kept")
        void untrackedIsAdoptedRowsKept() throws SQLException {
            DatabaseState.UNTRACKED.prepare(settings(), baseline);
            DataFingerprint before = probe().fingerprint();

            MigrationReport report = runner().migrate(LATEST);

            assertThat(report.adoption()).anySatisfy(note -> assertThat(note).contains("pk_messages"));
            assertThat(probe().fingerprint()).isEqualTo(before);
            probe().assertSchemaIs(LATEST);
        }

        @Test
        @DisplayName("CONFLICT (messages.conversation_id text) is refused before any change, naming the column")
        void conflictIsRefusedUnchanged() throws SQLException {
            DatabaseState.CONFLICT.prepare(settings(), baseline);
            String before = probe().catalog();
            DataFingerprint rowsBefore = probe().fingerprint();

            SchemaConflictException conflict = catchThrowableOfType(SchemaConflictException.class, () -> runner().migrate(LATEST));

            assertThat(conflict).as("a SchemaConflictException").isNotNull();
            assertThat(conflict.kind()).isEqualTo(MigrationException.Kind.SCHEMA_CONFLICT);
            assertThat(conflict.differences()).anySatisfy(d -> assertThat(d).contains("messages.conversation_id").contains("uuid").contains("text"));
            assertThat(probe().catalog()).isEqualTo(before);
            assertThat(probe().fingerprint()).isEqualTo(rowsBefore);
        }
    }

    @Test
    @DisplayName("a downgrade that would drop rows is refused, unchanged, unless data loss is allowed")
    void dataLossIsRefusedUnlessAllowed() throws SQLException {
        runner().migrate(LATEST);
        try (var connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
        DataFingerprint before = probe().fingerprint();

        assertThatThrownBy(() -> runner().downgrade(1, false))
                .isInstanceOf(RefusedDataLossException.class)
                .hasMessageContaining("messages with " + SampleRows.MESSAGES + " rows");
        assertThat(probe().fingerprint()).isEqualTo(before);
        assertThat(runner().status().currentVersion()).isEqualTo(LATEST);

        runner().downgrade(1, true);
        probe().assertSchemaIs(1);
    }

    @Test
    @DisplayName("a migrator that cannot get the lock in time fails with a lock timeout naming the holder, having changed nothing")
    void lockTimeoutNamesTheHolder() throws SQLException {
        try (var holder = database.database().open("the other replica", Duration.ofSeconds(10));
             AdvisoryLock held = AdvisoryLock.acquire(holder, "public", Duration.ofSeconds(10))) {
            MigrationRunner impatient = new MigrationRunner(settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)), baseline);

            assertThatThrownBy(() -> impatient.migrate(LATEST))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("the other replica");
        }
        assertThat(probe().catalog()).doesNotContain("conversations");
    }

    @Test
    @DisplayName("a database that refuses connections for 3 s, then answers, is migrated within the connect timeout")
    void retriesWhileTheDatabaseWakesUp() throws SQLException {
        String url = database.database().jdbcUrl();
        Matcher server = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(url);
        assertThat(server.find()).as("host and port in %s", url).isTrue();
        int port = server.group(2) == null ? 5432 : Integer.parseInt(server.group(2));
        try (RefusingThenForwardingProxy proxy = RefusingThenForwardingProxy.start(server.group(1), port, Duration.ofSeconds(3))) {
            Database viaProxy = new Database(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"),
                    database.database().user(), database.database().password());
            MigrationSettings waking = settings().withDataSource(viaProxy.dataSource("waking", Duration.ofSeconds(30)))
                    .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
            assertThat(proxy.listening()).as("the proxy refuses connections when the migration starts").isFalse();

            MigrationReport report = new MigrationRunner(waking, baseline).migrate(LATEST);

            assertThat(report.versionAfter()).isEqualTo(LATEST);
        }
        probe().assertSchemaIs(LATEST);
    }

    @Nested
    @DisplayName("Warm-up policy")
    class WarmUpPolicy {

        @Test
        @DisplayName("a migrate with work to do warms the engine up once, on a daemon thread of its own")
        void migrateWithWorkWarmsUpOnADaemonThread() throws Exception {
            OpenCountingProvider counting = new OpenCountingProvider(baseline);

            new MigrationRunner(settings(), counting).migrate(LATEST);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counting.warmUpThread() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(counting.warmedUp()).isEqualTo(1);
            assertThat(counting.warmUpThread()).isNotSameAs(Thread.currentThread()).matches(Thread::isDaemon, "is a daemon thread");
        }

        @Test
        @DisplayName("a restart that the history proves up to date neither warms up nor opens the engine")
        void upToDateRestartDoesNotWarmUp() throws Exception {
            runner().migrate(LATEST);
            OpenCountingProvider counting = new OpenCountingProvider(baseline);

            new MigrationRunner(settings(), counting).migrate(LATEST);

            joinWarmUpThreads();
            assertThat(counting.warmedUp()).isZero();
            assertThat(counting.opened()).isZero();
        }

        @Test
        @DisplayName("status does not warm the engine up")
        void statusDoesNotWarmUp() throws InterruptedException {
            OpenCountingProvider counting = new OpenCountingProvider(baseline);

            new MigrationRunner(settings(), counting).status();

            joinWarmUpThreads();
            assertThat(counting.warmedUp()).isZero();
            assertThat(counting.opened()).isEqualTo(1);
        }

        @Test
        @DisplayName("a warm-up that throws does not fail the migration")
        void failingWarmUpIsIgnored() throws Exception {
            CountDownLatch thrown = new CountDownLatch(1);
            MigrationEngineProvider failingWarmUp = new JdbcBaselineProvider() {
                @Override
                public void warmUp() {
                    thrown.countDown();
                    throw new IllegalStateException("warm-up failed on purpose");
                }
            };

            MigrationReport report = new MigrationRunner(settings(), failingWarmUp).migrate();

            assertThat(thrown.await(30, TimeUnit.SECONDS)).as("the warm-up ran").isTrue();
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            probe().assertSchemaIs(LATEST);
        }

        private static void joinWarmUpThreads() throws InterruptedException {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("chatmigrate-warm-up-")) {
                    thread.join();
                }
            }
        }
    }
}
