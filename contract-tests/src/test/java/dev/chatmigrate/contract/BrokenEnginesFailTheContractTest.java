package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Tests the tests: the contract run against deliberately broken engines must fail, in the clauses that
 * describe what they break. A suite that passed them would prove nothing.
 */
class BrokenEnginesFailTheContractTest {

    /** Records version 2 without creating {@code messages}. */
    static final class SkipsVersionTwo extends JdbcBaselineProvider {
        @Override
        protected String upScript(int version) {
            return version == 2 ? "select 1" : super.upScript(version);
        }
    }

    /** Applies every script but never records it, so every run applies everything again. */
    static final class ForgetsHistory extends JdbcBaselineProvider {
        @Override
        protected boolean recordsHistory() {
            return false;
        }
    }

    /** Undo that does nothing: downgrades leave the newer objects behind. */
    static final class IgnoresUndo extends JdbcBaselineProvider {
        @Override
        protected String downScript(int version) {
            return "select 1";
        }
    }

    // Not named *Test: surefire must not run these on their own; EngineTestKit runs them below.
    static class SkipsVersionTwoContract extends MigrationEngineContract {
        @Override
        protected MigrationEngineProvider provider() {
            return new SkipsVersionTwo();
        }
    }

    static class ForgetsHistoryContract extends MigrationEngineContract {
        @Override
        protected MigrationEngineProvider provider() {
            return new ForgetsHistory();
        }
    }

    static class IgnoresUndoContract extends MigrationEngineContract {
        @Override
        protected MigrationEngineProvider provider() {
            return new IgnoresUndo();
        }
    }

    @Test
    @DisplayName("an engine that skips version 2 fails the fresh-database, adoption and concurrency clauses")
    void skippingAVersionFails() {
        assertThat(failedClauses(SkipsVersionTwoContract.class, MigrationEngineContract.EmptyDatabase.class,
                MigrationEngineContract.ExistingTables.class, MigrationEngineContract.Concurrency.class))
                .contains("c02_emptyIsMigratedToLatest", "c04_migrateToTargetVersion", "c05_partialIsAdopted",
                        "c09_behindIsUpgraded", "c12_concurrentMigratorsApplyEachVersionOnce");
    }

    @Test
    @DisplayName("an engine that forgets its history fails the restart and status clauses")
    void forgettingHistoryFails() {
        assertThat(failedClauses(ForgetsHistoryContract.class, MigrationEngineContract.EmptyDatabase.class,
                MigrationEngineContract.Concurrency.class, MigrationEngineContract.StatusAndValidation.class))
                .contains("c03_secondRunIsNoOp", "c12_concurrentMigratorsApplyEachVersionOnce", "c14_statusReportsVersionAndPending");
    }

    @Test
    @DisplayName("an engine whose undo does nothing fails the downgrade clause")
    void ignoringUndoFails() {
        assertThat(failedClauses(IgnoresUndoContract.class, MigrationEngineContract.Downgrade.class)).contains("c10_downgradeAndUpgradeCycles");
    }

    /** The names of the clauses that fail in the given groups of the contract run against a broken engine. */
    private static List<String> failedClauses(Class<? extends MigrationEngineContract> contract, Class<?>... groups) {
        DiscoverySelector[] selectors = Arrays.stream(groups).map(group -> selectNestedClass(List.of(contract), group)).toArray(DiscoverySelector[]::new);
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
        return tests.failed().stream().map(Event::getTestDescriptor).map(d -> d.getLegacyReportingName().replace("()", "")).toList();
    }
}
