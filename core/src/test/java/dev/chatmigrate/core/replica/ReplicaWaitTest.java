package dev.chatmigrate.core.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.replica.ReplicaWait;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationReport;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The replica wait on a plain server, which streams to no standby: it never delays nor fails a migration, and where the
 * runner knows there is nothing to wait for it asks the server nothing (a closed connection would fail any query). The
 * wait itself, against a real standby, is {@code ClusterReplicasIT}'s (cli).
 */
class ReplicaWaitTest {

    private static final MigrationReport APPLIED = new MigrationReport("jdbc", 4, 5, List.of(new AppliedStep(5, "add messages metadata",
            Duration.ofMillis(3))), Duration.ofMillis(3), List.of());

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("a migrate on a server without standbys reports no standby and names the server it ran on")
    void aServerWithoutStandbysReportsNone() {
        MigrationReport report = new MigrationRunner(database.settings("jdbc"), new JdbcBaselineProvider()).migrate();

        assertThat(report.steps()).isNotEmpty();
        assertThat(report.standbys()).isEmpty();
        assertThat(database.database().jdbcUrl()).contains("//" + report.host() + "/");
    }

    @Test
    @DisplayName("the restart path names the server too, and status lists no standby")
    void theRestartPathNamesTheServer() {
        MigrationRunner runner = new MigrationRunner(database.settings("jdbc"), new JdbcBaselineProvider());
        runner.migrate();

        MigrationReport restart = runner.migrate();

        assertThat(restart.changedNothing()).isTrue();
        assertThat(database.database().jdbcUrl()).contains("//" + restart.host() + "/");
        assertThat(runner.status().standbys()).isEmpty();
    }

    @Test
    @DisplayName("no standby when the lock was taken: no query at all")
    void noStandbyAtStartAsksNothing() throws Exception {
        Connection closed = database.connect();
        closed.close();

        assertThat(ReplicaWait.await(closed, APPLIED, "public", 0, Duration.ofSeconds(30))).isSameAs(APPLIED);
    }

    @Test
    @DisplayName("a run that changed nothing, or a wait of zero, asks nothing either")
    void nothingChangedOrNoWaitAsksNothing() throws Exception {
        Connection closed = database.connect();
        closed.close();
        MigrationReport nothing = new MigrationReport("jdbc", 5, 5, List.of(), Duration.ZERO, List.of());

        assertThat(ReplicaWait.await(closed, nothing, "public", 1, Duration.ofSeconds(30))).isSameAs(nothing);
        assertThat(ReplicaWait.await(closed, APPLIED, "public", 1, Duration.ZERO)).isSameAs(APPLIED);
    }

    @Test
    @DisplayName("a standby counted under the lock but gone since: one look at pg_stat_replication, no wait")
    void aStandbyGoneSinceEndsTheWait() throws Exception {
        try (Connection connection = database.connect()) {
            MigrationReport report = ReplicaWait.await(connection, APPLIED, "public", 1, Duration.ofMinutes(10));

            assertThat(report.standbys()).isEmpty();
            assertThat(report.steps()).isEqualTo(APPLIED.steps());
        }
    }

    @Test
    @DisplayName("CHATMIGRATE_REPLICA_WAIT: 30 s by default, 0 turns it off, a negative wait is refused naming the setting")
    void theSetting() {
        assertThat(Chatmigrate.configure().replicaWait()).isEqualTo(ReplicaWait.DEFAULT).isEqualTo(Duration.ofSeconds(30));
        assertThat(Chatmigrate.configure().environment(Map.of("CHATMIGRATE_REPLICA_WAIT", "0")).replicaWait()).isZero();
        assertThatThrownBy(() -> new MigrationRunner(database.settings("jdbc"), new JdbcBaselineProvider(), AdoptionOptions.DEFAULT,
                Duration.ofSeconds(-1))).isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("replica wait");
    }
}
