package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.chatmigrate.contract.BrokenEngines.ForgetsHistory;
import dev.chatmigrate.contract.BrokenEngines.IgnoresTarget;
import dev.chatmigrate.contract.BrokenEngines.IgnoresUndo;
import dev.chatmigrate.contract.BrokenEngines.IndexesEachPartitionOnly;
import dev.chatmigrate.contract.BrokenEngines.LosesRowsOnUpgrade;
import dev.chatmigrate.contract.BrokenEngines.NeverVerifies;
import dev.chatmigrate.contract.BrokenEngines.NonIdempotentSteps;
import dev.chatmigrate.contract.BrokenEngines.RebuildsTheIndex;
import dev.chatmigrate.contract.BrokenEngines.SkipsVersionTwo;
import dev.chatmigrate.contract.BrokenEngines.TrustsAnyHistory;
import dev.chatmigrate.contract.BrokenEngines.Undiscoverable;
import dev.chatmigrate.contract.BrokenEngines.ValidatesNothing;
import dev.chatmigrate.contract.BrokenEngines.WarmUpNeedsADatabase;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Tests the tests: every clause of the contract fails for an engine that breaks it. Each broken engine
 * ({@link BrokenEngines}) is run through exactly the clauses it must fail, with the JUnit Platform's
 * {@link EngineTestKit}; a suite that passed them would prove nothing.
 */
class BrokenEnginesFailTheContractTest {

    /** Which clauses each broken engine must fail. Every clause of the contract appears at least once. */
    private static final List<Proof> PROOFS = List.of(
            new Proof(Undiscoverable::new, List.of("c01_providerIsDiscoverableById")),
            new Proof(SkipsVersionTwo::new, List.of("c02_emptyIsMigratedToLatest")),
            new Proof(IgnoresTarget::new, List.of("c03_migrateStopsAtEveryVersion")),
            new Proof(ForgetsHistory::new, List.of("c04_secondRunIsNoOp", "c10_concurrentMigratorsApplyEachVersionOnce", "c11_statusIsTruthful",
                    "c19_partitionedRestartIsNoOp")),
            new Proof(NonIdempotentSteps::new, List.of("c05_partialIsCompleted", "c06_untrackedIsCompleted", "c07_otherEngineIsTakenOver",
                    "c18_partitionedUntrackedIsAdopted")),
            new Proof(LosesRowsOnUpgrade::new, List.of("c08_behindIsUpgraded", "c17_partitionedBehindIsUpgraded")),
            new Proof(IgnoresUndo::new, List.of("c09_downgradeAndUpgradeCycles", "c20_partitionedDowngradeAndUpgrade")),
            new Proof(RebuildsTheIndex::new, List.of("c21_halfBuiltIndexIsCompleted")),
            new Proof(IndexesEachPartitionOnly::new, List.of("c22_laterPartitionCarriesTheIndexes")),
            new Proof(ValidatesNothing::new, List.of("c12_validateDetectsChangedChecksum")),
            new Proof(NeverVerifies::new, List.of("c13_upToDateRestartSkipsTheEngine")),
            new Proof(TrustsAnyHistory::new, List.of("c14_changedChecksumFallsThroughToTheEngine", "c15_downgradedIsNotUpToDate")),
            new Proof(WarmUpNeedsADatabase::new, List.of("c16_warmsUpWithoutADatabase")));

    /** A broken engine and the clauses it must fail. */
    record Proof(Supplier<MigrationEngineProvider> engine, List<String> clauses) {
        @Override
        public String toString() {
            return engine.get().getClass().getSimpleName();
        }
    }

    /** The broken engine the next EngineTestKit run tests; the kit runs on the calling thread. */
    private static volatile Supplier<MigrationEngineProvider> underTest;

    // Not named *Test and nested: surefire does not run it on its own; EngineTestKit runs it below.
    static class BrokenEngineContract extends MigrationEngineContract {
        @Override
        protected MigrationEngineProvider provider() {
            return underTest.get();
        }

        @Override
        protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("update chatmigrate_jdbc_history set checksum = checksum + 1 where version = 2");
            }
        }
    }

    static List<Proof> proofs() {
        return PROOFS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    @DisplayName("a broken engine fails the clauses that describe what it breaks")
    void brokenEngineFailsItsClauses(Proof proof) {
        underTest = proof.engine();
        try {
            DiscoverySelector[] selectors = proof.clauses().stream().map(BrokenEnginesFailTheContractTest::selectClause).toArray(DiscoverySelector[]::new);
            List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents().failed().list();

            // a clause of a parameterized group fails once per parameter: each clause counts once
            assertThat(failed.stream().map(BrokenEnginesFailTheContractTest::clauseName).distinct())
                    .as("clauses that %s fails", proof)
                    .containsExactlyInAnyOrderElementsOf(proof.clauses());
        } finally {
            underTest = null;
        }
    }

    @Test
    @DisplayName("every clause of the contract is proven able to fail by some broken engine")
    void everyClauseHasABrokenEngine() {
        Set<String> proven = PROOFS.stream().flatMap(proof -> proof.clauses().stream()).collect(Collectors.toSet());

        assertThat(clauses().map(Method::getName)).isNotEmpty().allSatisfy(clause -> assertThat(proven).contains(clause));
    }

    private static String clauseName(Event event) {
        return event.getTestDescriptor().getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(source -> ((org.junit.platform.engine.support.descriptor.MethodSource) source).getMethodName())
                .orElseGet(() -> event.getTestDescriptor().getLegacyReportingName());
    }

    private static Stream<Method> clauses() {
        return Arrays.stream(MigrationEngineContract.class.getDeclaredClasses())
                .filter(group -> group.isAnnotationPresent(Nested.class))
                .flatMap(group -> Arrays.stream(group.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Test.class));
    }

    private static DiscoverySelector selectClause(String name) {
        Method clause = clauses().filter(method -> method.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contract clause " + name));
        return selectNestedMethod(List.of(BrokenEngineContract.class), clause.getDeclaringClass(), name);
    }
}
