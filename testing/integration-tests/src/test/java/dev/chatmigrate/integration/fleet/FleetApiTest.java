package dev.chatmigrate.integration.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.cli.Failures;
import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.fleet.Fleet;
import dev.chatmigrate.core.fleet.FleetReport;
import dev.chatmigrate.core.fleet.SchemaSelection;
import dev.chatmigrate.core.fleet.TargetResult;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Fleet} from the API: schemas of an application's data source, and a dead server beside a live one. */
class FleetApiTest {

    @Test
    @DisplayName("Fleet.configure() on a data source: names and globs resolved against the schemas that exist, each target migrated,"
            + " a progress call per target, and a second run all unchanged")
    void schemasOfADataSource() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            FleetCommandRun.createSchemas(database, "a_", 3);
            List<TargetResult> progress = new CopyOnWriteArrayList<>();
            Fleet fleet = Fleet.configure().eachTarget(each -> each.engine("flyway"))
                    .database(database.settings("flyway").dataSource(), "app")
                    .schemas(SchemaSelection.of("a_*", "brand_new")).parallel(3).progress(progress::add);

            FleetReport first = fleet.migrate();
            assertThat(first.results()).extracting(result -> result.target().name()).containsExactly("a_000", "a_001", "a_002", "brand_new");
            assertThat(first.results()).allSatisfy(result -> {
                assertThat(result.outcome()).isEqualTo(TargetResult.Outcome.CHANGED);
                assertThat(result.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            });
            assertThat(progress).hasSize(4);
            assertThat(first.exitCode(kind -> 9)).isZero();
            assertThat(first.connectionsPerServer()).isEqualTo(9);

            FleetReport second = fleet.migrate();
            assertThat(second.allUnchanged()).isTrue();
            assertThat(second.results()).allSatisfy(result -> assertThat(result.message()).isEqualTo("no-op restart, nothing to apply"));
        }
    }

    @Test
    @DisplayName("a dead server fails as its own target (cannot connect) while the live database's schemas migrate")
    void deadServerIsolated() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            FleetCommandRun.createSchemas(database, "t_", 2);
            FleetReport report = Fleet.configure().eachTarget(each -> each.engine("mybatis").connectTimeout(Duration.ofSeconds(1)))
                    .connectTimeout(Duration.ofSeconds(1))
                    .database("jdbc:postgresql://127.0.0.1:1/gone").database(new Database(database.database().jdbcUrl(), database.database().user(), database.database().password()))
                    .schemas(SchemaSelection.parse("t_*")).parallel(2).migrate();
            assertThat(report.failed()).singleElement().satisfies(failed -> {
                assertThat(failed.target().name()).startsWith("gone/");
                assertThat(failed.failure()).contains(MigrationException.Kind.CANNOT_CONNECT);
                assertThat(failed.message()).contains("Cannot list the schemas of database gone");
            });
            assertThat(report.count(TargetResult.Outcome.CHANGED)).isEqualTo(2);
            assertThat(report.exitCode(Failures::exitCode)).isEqualTo(3);
        }
    }
}
