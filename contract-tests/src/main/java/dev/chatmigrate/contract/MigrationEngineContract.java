package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.contract.postgres.FreshDatabase;
import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.contract.postgres.TestPostgres;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.internal.AdvisoryLock;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.RefusedDataLossException;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every chatmigrate engine fulfils, run through the {@link MigrationRunner} against a
 * fresh database on the real {@link TestPostgres} server per test. An adapter's test extends this
 * class and only says how to build its provider:
 *
 * <pre>{@code
 * class FlywayContractTest extends MigrationEngineContract {
 *     protected MigrationEngineProvider provider() { return new FlywayEngineProvider(); }
 * }
 * }</pre>
 *
 * Test names cite the clause they check; optional clauses are skipped visibly when the engine does not
 * declare the {@link Capability} they need.
 */
public abstract class MigrationEngineContract {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    /** The versions from {@code first} to the latest, as the schema declares them. */
    private static java.util.List<Integer> versionsFrom(int first) {
        return java.util.stream.IntStream.rangeClosed(first, LATEST).boxed().toList();
    }

    /** A new provider of the engine under test. */
    protected abstract MigrationEngineProvider provider();

    /**
     * Changes the checksum this engine recorded for version 2 in its history, as if the script had been
     * edited after it ran. Only called when the engine declares {@link Capability#CHECKSUM_VALIDATION}.
     */
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("an engine that declares CHECKSUM_VALIDATION overrides this");
    }

    @FreshDatabase
    protected TestDatabase database;

    // ---- helpers --------------------------------------------------------------------------------

    protected MigrationSettings settings() {
        return database.settings(provider().id());
    }

    protected MigrationRunner runner() {
        return new MigrationRunner(settings(), provider());
    }

    /** Migrates to {@code target}, then checks the schema is exactly that version and usable. */
    protected MigrationReport migrateAndVerify(int target) throws SQLException {
        MigrationReport report = runner().migrate(target);
        assertSchemaIs(target);
        return report;
    }

    protected void assertSchemaIs(int version) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", version).drifts()).as("drift from version %d", version).isEmpty();
            if (version >= 2) {
                SmokeCheck.Result smoke = SmokeCheck.run(connection, "public", version);
                assertThat(smoke.passed()).as("read/write smoke check: %s", smoke.detail()).isTrue();
            }
        }
    }

    protected void sql(String statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    protected DataFingerprint fingerprint() throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    /** Every relation in the schema with its kind, and the chatbot tables' full description. */
    protected String catalog() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname, relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = 'public' order by relname")) {
            while (rows.next()) {
                text.append(rows.getString(1)).append(' ').append(rows.getString(2)).append('\n');
            }
            text.append(ActualSchema.describe(connection, "public"));
        }
        return text.toString();
    }

    private static List<Integer> versions(MigrationReport report) {
        return report.steps().stream().map(AppliedStep::version).toList();
    }

    private void assumeCapable(Capability... anyOf) {
        assumeTrue(List.of(anyOf).stream().anyMatch(provider().capabilities()::contains),
                () -> provider().id() + " does not declare " + List.of(anyOf) + ": clause skipped");
    }

    // ---- the contract ---------------------------------------------------------------------------

    @Nested
    @DisplayName("Discovery")
    class Discovery {

        @Test
        @DisplayName("c01: the provider has a stable lowercase id and is found by it through ServiceLoader")
        void c01_providerIsDiscoverableById() {
            String id = provider().id();
            assertThat(id).matches("[a-z][a-z0-9-]*");
            assumeTrue(!(provider() instanceof JdbcBaselineProvider), "the jdbc baseline is constructed, not discovered");
            assertThat(MigrationEngines.byId(id)).isInstanceOf(provider().getClass());
        }
    }

    @Nested
    @DisplayName("Fresh database")
    class EmptyDatabase {

        @Test
        @DisplayName("c02: EMPTY is migrated to the latest version, every step once, and the schema verifies")
        void c02_emptyIsMigratedToLatest() throws SQLException {
            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(report.engineId()).isEqualTo(provider().id());
            assertThat(report.versionBefore()).isZero();
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            assertThat(versions(report)).containsExactlyElementsOf(versionsFrom(1));
        }

        @Test
        @DisplayName("c03: a second migrate applies nothing and changes nothing: the common restart")
        void c03_secondRunIsNoOp() throws SQLException {
            runner().migrate(LATEST);
            String before = catalog();

            MigrationReport again = migrateAndVerify(LATEST);

            assertThat(again.steps()).isEmpty();
            assertThat(again.changedNothing()).as("adoption notes %s", again.adoption()).isTrue();
            assertThat(again.versionBefore()).isEqualTo(LATEST);
            assertThat(catalog()).isEqualTo(before);
        }

        @Test
        @DisplayName("c04: migrate stops at a target version, and a later migrate continues from there")
        void c04_migrateToTargetVersion() throws SQLException {
            assertThat(versions(migrateAndVerify(2))).containsExactly(1, 2);
            assertThat(runner().status().currentVersion()).isEqualTo(2);

            assertThat(versions(migrateAndVerify(LATEST))).containsExactlyElementsOf(versionsFrom(3));
        }
    }

    @Nested
    @DisplayName("Existing tables")
    class ExistingTables {

        @Test
        @DisplayName("c05: PARTIAL (an ORM's conversations with rows) is adopted: messages created, rows kept, canonical names")
        void c05_partialIsAdopted() throws SQLException {
            try (Connection connection = database.connect()) {
                DatabaseStates.partial(connection);
            }
            DataFingerprint before = fingerprint();

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(fingerprint().tables()).containsEntry("conversations", before.tables().get("conversations"));
            assertThat(report.adoption()).anySatisfy(note -> assertThat(note).contains("pk_conversations"));
            assertThat(report.versionAfter()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c06: UNTRACKED (tables and rows made by SQLAlchemy and Alembic) is adopted without touching data")
        void c06_untrackedAlembicIsAdopted() throws SQLException {
            try (Connection connection = database.connect()) {
                DatabaseStates.untrackedAlembic(connection);
            }
            DataFingerprint before = fingerprint();

            migrateAndVerify(LATEST);

            assertThat(fingerprint()).isEqualTo(before);
            assertThat(catalog()).contains("alembic_version r");
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c07: OTHER_ENGINE (built and filled by another engine) is adopted, rows kept")
        void c07_otherEngineIsAdopted() throws SQLException {
            JdbcBaselineProvider other = new JdbcBaselineProvider();
            assumeTrue(!other.id().equals(provider().id()), "the jdbc baseline is the other engine of every real engine");
            new MigrationRunner(settings().withEngine(other.id()), other).migrate(LATEST);
            try (Connection connection = database.connect()) {
                DatabaseStates.insertConversations(connection);
                DatabaseStates.insertMessages(connection);
            }
            DataFingerprint before = fingerprint();

            migrateAndVerify(LATEST);

            assertThat(fingerprint()).isEqualTo(before);
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c08: CONFLICT (messages.conversation_id text) is refused before any change, naming the column")
        void c08_conflictIsRefusedUnchanged() throws SQLException {
            try (Connection connection = database.connect()) {
                DatabaseStates.conflictingMessages(connection);
            }
            String before = catalog();
            DataFingerprint rowsBefore = fingerprint();

            SchemaConflictException conflict = catchThrowableOfType(SchemaConflictException.class, () -> runner().migrate(LATEST));

            assertThat(conflict).as("a SchemaConflictException").isNotNull();
            assertThat(conflict.kind()).isEqualTo(MigrationException.Kind.SCHEMA_CONFLICT);
            assertThat(conflict.differences()).anySatisfy(d -> assertThat(d).contains("messages.conversation_id").contains("uuid").contains("text"));
            assertThat(catalog()).isEqualTo(before);
            assertThat(fingerprint()).isEqualTo(rowsBefore);
        }

        @Test
        @DisplayName("c09: BEHIND (at version 2, with rows) is upgraded to the latest version, rows kept")
        void c09_behindIsUpgraded() throws SQLException {
            migrateAndVerify(2);
            try (Connection connection = database.connect()) {
                DatabaseStates.insertConversations(connection);
                DatabaseStates.insertMessages(connection);
            }
            DataFingerprint before = fingerprint();

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(versions(report)).containsExactlyElementsOf(versionsFrom(3));
            assertThat(fingerprint()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("Downgrade")
    class Downgrade {

        @Test
        @DisplayName("c10: downgrade to every lower version and back up verifies each time")
        void c10_downgradeAndUpgradeCycles() throws SQLException {
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            migrateAndVerify(LATEST);
            for (int target = LATEST - 1; target >= 0; target--) {
                MigrationReport down = runner().downgrade(target, false);
                assertThat(down.versionAfter()).as("version after downgrade to %d", target).isEqualTo(target);
                assertThat(runner().status().currentVersion()).isEqualTo(target);
                assertSchemaIs(target);

                MigrationReport up = migrateAndVerify(LATEST);
                assertThat(up.versionBefore()).isEqualTo(target);
            }
        }

        @Test
        @DisplayName("c11: a downgrade that would drop rows is refused, unchanged, unless data loss is allowed")
        void c11_dataLossIsRefusedUnlessAllowed() throws SQLException {
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            migrateAndVerify(LATEST);
            try (Connection connection = database.connect()) {
                DatabaseStates.insertConversations(connection);
                DatabaseStates.insertMessages(connection);
            }
            DataFingerprint before = fingerprint();

            assertThatThrownBy(() -> runner().downgrade(1, false))
                    .isInstanceOf(RefusedDataLossException.class)
                    .hasMessageContaining("messages with 3 rows");
            assertThat(fingerprint()).isEqualTo(before);
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);

            runner().downgrade(1, true);
            assertSchemaIs(1);
            migrateAndVerify(LATEST);
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {

        @Test
        @DisplayName("c12: four migrators started at once all succeed, and each version is applied exactly once")
        void c12_concurrentMigratorsApplyEachVersionOnce() throws Exception {
            int migrators = 4;
            CyclicBarrier start = new CyclicBarrier(migrators);
            ExecutorService pool = Executors.newFixedThreadPool(migrators);
            try {
                List<Future<MigrationReport>> reports = new ArrayList<>();
                for (int i = 0; i < migrators; i++) {
                    reports.add(pool.submit(() -> {
                        MigrationRunner runner = runner();
                        start.await();
                        return runner.migrate(LATEST);
                    }));
                }
                List<Integer> applied = new ArrayList<>();
                for (Future<MigrationReport> report : reports) {
                    applied.addAll(versions(report.get(120, TimeUnit.SECONDS)));
                }
                assertThat(applied).containsExactlyInAnyOrderElementsOf(versionsFrom(1));
            } finally {
                pool.shutdownNow();
            }
            assertSchemaIs(LATEST);
        }

        @Test
        @DisplayName("c13: a migrator that cannot get the lock in time fails with a lock timeout naming the holder")
        void c13_lockTimeoutNamesTheHolder() throws SQLException {
            try (Connection holder = database.database().open("the other replica", Duration.ofSeconds(10));
                 AdvisoryLock held = AdvisoryLock.acquire(holder, "public", Duration.ofSeconds(10))) {
                MigrationRunner impatient = new MigrationRunner(settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)), provider());

                assertThatThrownBy(() -> impatient.migrate(LATEST))
                        .isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("the other replica");
            }
            assertThat(catalog()).doesNotContain("conversations");
        }
    }

    @Nested
    @DisplayName("Status and validation")
    class StatusAndValidation {

        @Test
        @DisplayName("c14: status reports the applied version and the pending ones")
        void c14_statusReportsVersionAndPending() throws SQLException {
            StatusReport empty = runner().status();
            assertThat(empty.currentVersion()).isZero();
            assertThat(empty.pending()).containsExactlyElementsOf(versionsFrom(1));

            runner().migrate(2);
            StatusReport behind = runner().status();
            assertThat(behind.currentVersion()).isEqualTo(2);
            assertThat(behind.applied()).containsExactly(1, 2);
            assertThat(behind.pending()).containsExactlyElementsOf(versionsFrom(3));

            runner().migrate(LATEST);
            assertThat(runner().status().upToDate()).isTrue();
        }

        @Test
        @DisplayName("c15: validate passes on a fresh history and detects a changed checksum")
        void c15_validateDetectsChangedChecksum() throws SQLException {
            assumeCapable(Capability.CHECKSUM_VALIDATION);
            runner().migrate(LATEST);
            assertThat(runner().validate().problems()).isEmpty();

            try (Connection connection = database.connect()) {
                corruptRecordedChecksumOfVersion2(connection);
            }

            assertThat(runner().validate().problems()).anySatisfy(problem -> assertThat(problem).contains("2"));
        }
    }

    @Nested
    @DisplayName("Restart")
    class Restart {

        @Test
        @DisplayName("c17: a restart on an up-to-date database neither starts nor warms up the engine, and says nothing changed")
        void c17_upToDateRestartSkipsTheEngine() throws SQLException {
            assumeCapable(Capability.UP_TO_DATE_CHECK);
            runner().migrate(LATEST);
            OpenCountingProvider counting = new OpenCountingProvider(provider());

            MigrationReport restart = new MigrationRunner(settings(), counting).migrate(LATEST);

            assertThat(counting.opened()).isZero();
            assertThat(counting.warmedUp()).isZero();
            assertThat(restart.changedNothing()).isTrue();
            assertThat(restart.versionAfter()).isEqualTo(LATEST);
            assertSchemaIs(LATEST);
        }

        @Test
        @DisplayName("c18: a changed checksum is not taken as up to date: the engine runs and refuses it")
        void c18_changedChecksumFallsThroughToTheEngine() throws SQLException {
            assumeCapable(Capability.UP_TO_DATE_CHECK);
            assumeCapable(Capability.CHECKSUM_VALIDATION);
            runner().migrate(LATEST);
            try (Connection connection = database.connect()) {
                corruptRecordedChecksumOfVersion2(connection);
            }
            OpenCountingProvider counting = new OpenCountingProvider(provider());

            assertThatThrownBy(() -> new MigrationRunner(settings(), counting).migrate(LATEST)).isInstanceOf(MigrationException.class);
            assertThat(counting.opened()).isEqualTo(1);
        }

        @Test
        @DisplayName("c20: the engine warms up without a database, and a migrate with work to do warms it up on a daemon thread")
        void c20_warmsUpOffTheCallersThread() throws Exception {
            provider().warmUp();
            OpenCountingProvider counting = new OpenCountingProvider(provider());

            new MigrationRunner(settings(), counting).migrate(LATEST);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counting.warmUpThread() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(counting.warmedUp()).isEqualTo(1);
            assertThat(counting.warmUpThread()).isNotSameAs(Thread.currentThread()).matches(Thread::isDaemon, "is a daemon thread");
            assertSchemaIs(LATEST);
        }

        @Test
        @DisplayName("c19: after a downgrade the restart is not up to date: the engine applies what is missing")
        void c19_downgradedIsNotUpToDate() throws SQLException {
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            runner().migrate(LATEST);
            runner().downgrade(2, false);

            assertThat(versions(migrateAndVerify(LATEST))).containsExactlyElementsOf(versionsFrom(3));
        }
    }

    @Nested
    @DisplayName("Resilience")
    class Resilience {

        @Test
        @DisplayName("c16: a database that refuses connections for 3 s, then answers, is migrated within the connect timeout")
        void c16_retriesWhileTheDatabaseWakesUp() throws SQLException {
            String url = database.database().jdbcUrl();
            Matcher server = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(url);
            assertThat(server.find()).as("host and port in %s", url).isTrue();
            int port = server.group(2) == null ? 5432 : Integer.parseInt(server.group(2));
            try (RefusingThenForwardingProxy proxy = RefusingThenForwardingProxy.start(server.group(1), port, Duration.ofSeconds(3))) {
                Database viaProxy = new Database(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"),
                        database.database().user(), database.database().password());
                MigrationSettings waking = settings().withDataSource(viaProxy.dataSource("waking", Duration.ofSeconds(30)))
                        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
                long started = System.nanoTime();

                MigrationReport report = new MigrationRunner(waking, provider()).migrate(LATEST);

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
                assertThat(report.versionAfter()).isEqualTo(LATEST);
            }
            assertSchemaIs(LATEST);
        }
    }
}
