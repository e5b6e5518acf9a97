package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.schema.SchemaVersion;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.testing.DatabaseProbe;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.engines.OpenCountingProvider;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.states.HalfBuiltIndex;
import dev.chatmigrate.testing.states.PartitionedCatalog;
import dev.chatmigrate.testing.states.PartitionedMessages;
import dev.chatmigrate.testing.states.SampleRows;
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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every chatmigrate engine fulfils: only what an engine can break. Each clause runs the
 * engine through the {@link MigrationRunner} on a fresh database of the real {@code TestPostgres}
 * server, but what the runner does on its own (adoption conflicts, the data-loss guard, the lock
 * timeout, connect retries, the warm-up policy) is tested once, against the {@code jdbc} baseline, in
 * core's {@code RunnerTest}. An adapter's test only says how to build its provider:
 *
 * <pre>{@code
 * class FlywayContractTest extends MigrationEngineContract {
 *     protected MigrationEngineProvider provider() { return new FlywayEngineProvider(); }
 * }
 * }</pre>
 *
 * The group {@code PartitionedMessagesGroup} runs the states again on a partitioned {@code messages}, once per
 * canonical partitioning ({@link PartitionedMessages}), so every engine passes them without code of its own.
 * Test names cite the clause they check; clauses that need an optional {@link Capability} are skipped
 * visibly when the engine does not declare it. {@code BrokenEnginesFailTheContractTest} proves that
 * every clause fails for an engine that breaks it. The class is longer than the usual ~300 lines on
 * purpose: JUnit runs {@code @Nested} groups only as inner classes, and an adapter inherits every
 * clause by extending this one class.
 */
public abstract class MigrationEngineContract {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;

    /** A new provider of the engine under test. */
    protected abstract MigrationEngineProvider provider();

    /**
     * Changes the checksum this engine recorded for version 2 in its history, as if the script had been
     * edited after it ran. Only called when the engine declares {@link Capability#CHECKSUM_VALIDATION}.
     */
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("an engine that declares CHECKSUM_VALIDATION overrides this");
    }

    /**
     * The engine that builds the {@link DatabaseState#OTHER_ENGINE} database: the {@code jdbc} baseline,
     * or, for a baseline under test, a second baseline with its own id and history table.
     */
    protected MigrationEngineProvider otherEngine() {
        JdbcBaselineProvider baseline = new JdbcBaselineProvider();
        return baseline.id().equals(provider().id()) ? new SecondBaseline() : baseline;
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

    protected DatabaseProbe probe() {
        return new DatabaseProbe(database);
    }

    /** Migrates to {@code target}, then checks the schema is exactly that version and usable. */
    protected MigrationReport migrateAndVerify(int target) throws SQLException {
        MigrationReport report = runner().migrate(target);
        probe().assertSchemaIs(target);
        return report;
    }

    protected void prepare(DatabaseState state) throws SQLException {
        state.prepare(settings(), provider(), otherEngine());
    }

    /** The declared versions above {@code from} up to {@code to}, in order. */
    protected static List<Integer> versionsAfter(int from, int to) {
        return ChatbotSchema.VERSIONS.stream().map(SchemaVersion::number).filter(v -> v > from && v <= to).toList();
    }

    private static List<Integer> versions(MigrationReport report) {
        return report.steps().stream().map(AppliedStep::version).toList();
    }

    /** Whether the runner sees the other engine's history: only engines on the class path are known, a test-only second baseline is not. */
    private boolean otherEngineIsKnown() {
        return dev.chatmigrate.core.MigrationEngines.measuredIds().contains(otherEngine().id());
    }

    private void assumeCapable(Capability... anyOf) {
        assumeTrue(List.of(anyOf).stream().anyMatch(provider().capabilities()::contains),
                () -> provider().id() + " does not declare " + List.of(anyOf) + ": clause skipped");
    }

    /** A second {@code jdbc} baseline, so that the baseline's own contract has another engine to adopt from. */
    private static final class SecondBaseline extends JdbcBaselineProvider {
        @Override
        public String id() {
            return "jdbc-other";
        }

        @Override
        protected String historyTable() {
            return "chatmigrate_jdbc_other_history";
        }
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
            assertThat(provider().isBaseline() ? MigrationEngines.measured(id) : MigrationEngines.byId(id)).isInstanceOf(provider().getClass());
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
            assertThat(versions(report)).isEqualTo(versionsAfter(0, LATEST));
        }

        @Test
        @DisplayName("c03: migrate stops at every target version in turn, applying just that version, and the schema verifies at each")
        void c03_migrateStopsAtEveryVersion() throws SQLException {
            for (int target : versionsAfter(0, LATEST)) {
                MigrationReport report = migrateAndVerify(target);

                assertThat(versions(report)).as("steps of migrate to %d", target).containsExactly(target);
                assertThat(report.versionAfter()).isEqualTo(target);
            }
        }

        @Test
        @DisplayName("c04: COMPLETE: a second migrate applies nothing and changes nothing (the common restart)")
        void c04_secondRunIsNoOp() throws SQLException {
            prepare(DatabaseState.COMPLETE);
            String before = probe().catalog();

            MigrationReport again = migrateAndVerify(LATEST);

            assertThat(again.steps()).isEmpty();
            assertThat(again.changedNothing()).as("adoption notes %s", again.adoption()).isTrue();
            assertThat(again.versionBefore()).isEqualTo(LATEST);
            assertThat(probe().catalog()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("Existing tables: the engine's steps complete what the runner adopted")
    class ExistingTables {

        @Test
        @DisplayName("c05: PARTIAL (an ORM's conversations with rows) is completed to the latest version, rows kept, and recorded")
        void c05_partialIsCompleted() throws SQLException {
            prepare(DatabaseState.PARTIAL);
            DataFingerprint before = probe().fingerprint();

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(probe().fingerprint().tables()).containsEntry("conversations", before.tables().get("conversations"));
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c06: UNTRACKED (tables and rows made by SQLAlchemy and Alembic) is completed without touching data")
        void c06_untrackedIsCompleted() throws SQLException {
            prepare(DatabaseState.UNTRACKED);
            DataFingerprint before = probe().fingerprint();

            migrateAndVerify(LATEST);

            assertThat(probe().fingerprint()).isEqualTo(before);
            assertThat(probe().catalog()).contains("alembic_version r");
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c07: OTHER_ENGINE (built and filled by another engine) is taken over with switch-engine, rows kept, and this engine's status is the latest")
        void c07_otherEngineIsTakenOver() throws SQLException {
            prepare(DatabaseState.OTHER_ENGINE);
            DataFingerprint before = probe().fingerprint();

            MigrationReport report = runner().migrate(LATEST, true);

            probe().assertSchemaIs(LATEST);
            if (otherEngineIsKnown()) { // the runner sees the histories of the engines on the class path only
                assertThat(report.steps()).as("versions the tables held are recorded, not applied").isEmpty();
                assertThat(report.alreadyPresent()).isEqualTo(versionsAfter(0, LATEST));
            }
            assertThat(probe().fingerprint()).isEqualTo(before);
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c08: BEHIND (recorded at an older version, with rows) is upgraded by the missing versions only, rows kept")
        void c08_behindIsUpgraded() throws SQLException {
            prepare(DatabaseState.BEHIND);
            DataFingerprint before = probe().fingerprint();

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(versions(report)).isEqualTo(versionsAfter(DatabaseState.BEHIND_VERSION, LATEST));
            assertThat(probe().fingerprint()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("Downgrade")
    class Downgrade {

        @Test
        @DisplayName("c09: downgrade to every lower version and back up verifies each time, and status follows")
        void c09_downgradeAndUpgradeCycles() throws SQLException {
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            migrateAndVerify(LATEST);
            for (int target = LATEST - 1; target >= 0; target--) {
                MigrationReport down = runner().downgrade(target, false);
                assertThat(down.versionAfter()).as("version after downgrade to %d", target).isEqualTo(target);
                assertThat(runner().status().currentVersion()).isEqualTo(target);
                probe().assertSchemaIs(target);

                MigrationReport up = migrateAndVerify(LATEST);
                assertThat(up.versionBefore()).isEqualTo(target);
                assertThat(versions(up)).isEqualTo(versionsAfter(target, LATEST));
            }
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {

        /** The runner serialises migrators with its lock; the engine must read its history afresh under it. */
        @Test
        @DisplayName("c10: four migrators started at once all succeed, and each version is applied exactly once")
        void c10_concurrentMigratorsApplyEachVersionOnce() throws Exception {
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
                assertThat(applied).containsExactlyInAnyOrderElementsOf(versionsAfter(0, LATEST));
            } finally {
                pool.shutdownNow();
            }
            probe().assertSchemaIs(LATEST);
        }
    }

    @Nested
    @DisplayName("Status and validation")
    class StatusAndValidation {

        @Test
        @DisplayName("c11: status reports the applied versions and the pending ones, empty, part-way and up to date")
        void c11_statusIsTruthful() throws SQLException {
            StatusReport empty = runner().status();
            assertThat(empty.currentVersion()).isZero();
            assertThat(empty.pending()).isEqualTo(versionsAfter(0, LATEST));

            runner().migrate(DatabaseState.BEHIND_VERSION);
            StatusReport behind = runner().status();
            assertThat(behind.currentVersion()).isEqualTo(DatabaseState.BEHIND_VERSION);
            assertThat(behind.applied()).isEqualTo(versionsAfter(0, DatabaseState.BEHIND_VERSION));
            assertThat(behind.pending()).isEqualTo(versionsAfter(DatabaseState.BEHIND_VERSION, LATEST));

            runner().migrate(LATEST);
            StatusReport latest = runner().status();
            assertThat(latest.upToDate()).isTrue();
            assertThat(latest.applied()).isEqualTo(versionsAfter(0, LATEST));
        }

        @Test
        @DisplayName("c12: validate passes on a fresh history and detects a changed checksum")
        void c12_validateDetectsChangedChecksum() throws SQLException {
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
    @DisplayName("Up-to-date check (verifiedVersion)")
    class UpToDateCheck {

        @Test
        @DisplayName("c13: a restart on an up-to-date database does not open the engine, and says nothing changed")
        void c13_upToDateRestartSkipsTheEngine() throws SQLException {
            assumeCapable(Capability.UP_TO_DATE_CHECK);
            runner().migrate(LATEST);
            OpenCountingProvider counting = new OpenCountingProvider(provider());

            MigrationReport restart = new MigrationRunner(settings(), counting).migrate(LATEST);

            assertThat(counting.opened()).isZero();
            assertThat(restart.changedNothing()).isTrue();
            assertThat(restart.versionAfter()).isEqualTo(LATEST);
        }

        @Test
        @DisplayName("c14: a changed checksum is not taken as up to date: the engine is opened and refuses it")
        void c14_changedChecksumFallsThroughToTheEngine() throws SQLException {
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
        @DisplayName("c15: after a downgrade the restart is not up to date: the engine applies what is missing")
        void c15_downgradedIsNotUpToDate() throws SQLException {
            assumeCapable(Capability.UP_TO_DATE_CHECK);
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            runner().migrate(LATEST);
            runner().downgrade(DatabaseState.BEHIND_VERSION, false);

            assertThat(versions(migrateAndVerify(LATEST))).isEqualTo(versionsAfter(DatabaseState.BEHIND_VERSION, LATEST));
        }
    }

    @Nested
    @DisplayName("Warm-up")
    class WarmUp {

        @Test
        @DisplayName("c16: the engine warms up without a database, more than once, and while a migration opens it on another thread")
        void c16_warmsUpWithoutADatabase() throws Exception {
            provider().warmUp();
            MigrationEngineProvider shared = provider();
            shared.warmUp();
            Thread warming = new Thread(shared::warmUp, "contract-warm-up");
            List<Throwable> failures = new ArrayList<>();
            warming.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
            warming.start();

            MigrationReport report = new MigrationRunner(settings(), shared).migrate(LATEST);
            warming.join(TimeUnit.SECONDS.toMillis(60));

            assertThat(failures).as("warm-up failures").isEmpty();
            assertThat(report.versionAfter()).isEqualTo(LATEST);
            probe().assertSchemaIs(LATEST);
        }
    }

    @Nested
    @ParameterizedClass(name = "{0}")
    @EnumSource(PartitionedMessages.class)
    @DisplayName("Partitioned messages (range by created_at, hash by conversation_id): adopted, verified, migrated, downgraded")
    class PartitionedMessagesGroup {

        @Parameter
        PartitionedMessages partitioning;

        /** Makes {@code state}, then partitions its messages at {@code version}. */
        private void preparePartitioned(DatabaseState state, int version) throws SQLException {
            prepare(state);
            partitioning.partition(settings(), version);
        }

        private void assertIndexesOnEveryPartition(int version) throws SQLException {
            try (Connection connection = database.connect()) {
                assertThat(PartitionedCatalog.missingPartitionIndexes(connection, settings().schema(), version)).as("indexes partitions lack").isEmpty();
            }
        }

        @Test
        @DisplayName("c17: BEHIND, then partitioned, is upgraded by the missing versions, verifies, rows kept, every index on every partition")
        void c17_partitionedBehindIsUpgraded() throws SQLException {
            preparePartitioned(DatabaseState.BEHIND, DatabaseState.BEHIND_VERSION);
            DataFingerprint before = probe().fingerprint();

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(versions(report)).isEqualTo(versionsAfter(DatabaseState.BEHIND_VERSION, LATEST));
            assertThat(probe().fingerprint()).isEqualTo(before);
            assertIndexesOnEveryPartition(LATEST);
        }

        @Test
        @DisplayName("c18: UNTRACKED, then partitioned (no history), is adopted and completed, verifies, rows kept")
        void c18_partitionedUntrackedIsAdopted() throws SQLException {
            preparePartitioned(DatabaseState.UNTRACKED, ChatbotSchema.table(ChatbotSchema.MESSAGES).version());
            DataFingerprint before = probe().fingerprint();

            migrateAndVerify(LATEST);

            assertThat(probe().fingerprint()).isEqualTo(before);
            assertThat(runner().status().currentVersion()).isEqualTo(LATEST);
            assertIndexesOnEveryPartition(LATEST);
        }

        @Test
        @DisplayName("c19: COMPLETE, then partitioned: a restart applies nothing and changes nothing")
        void c19_partitionedRestartIsNoOp() throws SQLException {
            preparePartitioned(DatabaseState.COMPLETE, LATEST);
            String before = probe().catalog();

            MigrationReport again = migrateAndVerify(LATEST);

            assertThat(again.steps()).isEmpty();
            assertThat(again.changedNothing()).as("adoption notes %s", again.adoption()).isTrue();
            assertThat(probe().catalog()).isEqualTo(before);
        }

        @Test
        @DisplayName("c20: partitioned, downgraded to the BEHIND version and upgraded again, verifies both ways, rows kept")
        void c20_partitionedDowngradeAndUpgrade() throws SQLException {
            assumeCapable(Capability.NATIVE_DOWNGRADE, Capability.EMULATED_DOWNGRADE);
            preparePartitioned(DatabaseState.BEHIND, DatabaseState.BEHIND_VERSION);
            DataFingerprint before = probe().fingerprint();
            migrateAndVerify(LATEST);

            MigrationReport down = runner().downgrade(DatabaseState.BEHIND_VERSION, false);
            assertThat(down.versionAfter()).isEqualTo(DatabaseState.BEHIND_VERSION);
            probe().assertSchemaIs(DatabaseState.BEHIND_VERSION);
            assertThat(probe().fingerprint()).isEqualTo(before);

            MigrationReport up = migrateAndVerify(LATEST);
            assertThat(versions(up)).isEqualTo(versionsAfter(DatabaseState.BEHIND_VERSION, LATEST));
            assertThat(probe().fingerprint()).isEqualTo(before);
            assertIndexesOnEveryPartition(LATEST);
        }

        @Test
        @DisplayName("c21: an index build a crash left half done on the partitions is completed, the partition index already attached kept")
        void c21_halfBuiltIndexIsCompleted() throws SQLException {
            Index concurrent = ChatbotSchema.INDEXES.stream().filter(index -> index.buildMode() == Index.BuildMode.CONCURRENTLY).findFirst().orElseThrow();
            int before = concurrent.version() - 1;
            runner().migrate(before);
            try (Connection connection = database.connect()) {
                SampleRows.insert(connection, settings().schema());
            }
            partitioning.partition(settings(), before);
            HalfBuiltIndex half = HalfBuiltIndex.leave(settings(), concurrent);
            DataFingerprint rows = probe().fingerprint();
            long attached = oid(half.attachedPartitionIndex());

            MigrationReport report = migrateAndVerify(LATEST);

            assertThat(versions(report)).isEqualTo(versionsAfter(before, LATEST));
            assertThat(oid(half.attachedPartitionIndex())).as("oid of %s", half.attachedPartitionIndex()).isEqualTo(attached);
            assertThat(probe().fingerprint()).isEqualTo(rows);
            assertIndexesOnEveryPartition(LATEST);
        }

        @Test
        @DisplayName("c22: a partition created after the migrate carries every canonical index, and the schema still verifies")
        void c22_laterPartitionCarriesTheIndexes() throws SQLException {
            preparePartitioned(DatabaseState.BEHIND, DatabaseState.BEHIND_VERSION);
            migrateAndVerify(LATEST);

            String added = partitioning.addPartition(settings());

            try (Connection connection = database.connect()) {
                assertThat(PartitionedCatalog.attachedIndexes(connection, settings().schema(), added)).as("indexes of %s", added)
                        .containsAll(ChatbotSchema.indexesAt(ChatbotSchema.MESSAGES, LATEST).stream().map(Index::name).toList());
            }
            probe().assertSchemaIs(LATEST);
            assertIndexesOnEveryPartition(LATEST);
        }

        private long oid(String relation) throws SQLException {
            try (Connection connection = database.connect()) {
                return PartitionedCatalog.oid(connection, settings().schema(), relation);
            }
        }
    }
}
