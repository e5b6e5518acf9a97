package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.cli.network.LatencyProxy;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips of one in-process {@code migrate} through a {@link LatencyProxy} at 0 ms, per engine, as on Neon:
 * a password user (SCRAM), no TLS, chatmigrate's own data source. Counts are deterministic for a pgJDBC and engine
 * version; a change that costs round trips shows here first. The plain engines' counts and the whole-process
 * figures are in docs/performance.md.
 */
class RoundTripBudgetTest {

    private static final String PASSWORD = "round-trip-budget";
    /** A restart: SCRAM set-up (3) and one round trip for lock and up-to-date check; the budget is 5. */
    private static final int RESTART_BUDGET = 5;
    /** What chatmigrate may add to the plain engine's round trips from EMPTY: the budget. */
    private static final int OVERHEAD_BUDGET = 5;
    /**
     * EMPTY and PARTIAL, measured (pgJDBC, Flyway, Liquibase and MyBatis as pinned; PostgreSQL 17): the engine's own
     * round trips and chatmigrate's around them. The plain engines from EMPTY take 132 (Flyway) and 159 (Liquibase)
     * in {@link #plainEngines}; the overhead is in docs/performance.md. An increase must be a decision, not an accident.
     */
    private static final Map<String, Integer> EMPTY = Map.of("jdbc", 31, "flyway", 137, "liquibase", 162, "mybatis", 49);
    private static final Map<String, Integer> PARTIAL = Map.of("jdbc", 42, "flyway", 155, "liquibase", 169, "mybatis", 60);

    static Stream<String> engines() {
        return MigrationEngines.measuredIds().stream();
    }

    private static MigrationEngineProvider provider(String engine) {
        return MigrationEngines.measured(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("a restart on an up-to-date database takes at most 5 round trips with its connection set-up, on one connection")
    void restartFitsTheBudget(String engine) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            Database owner = owner(database);
            migrate(owner, engine);
            try (LatencyProxy proxy = LatencyProxy.to(owner, Duration.ZERO)) {
                MigrationReport report = migrate(proxy.through(owner), engine);

                assertThat(report.steps()).isEmpty();
                assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                assertThat(proxy.count()).as("round trips of a restart with %s", engine).isLessThanOrEqualTo(RESTART_BUDGET).isEqualTo(4);
                assertThat(proxy.connections()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("a migrate from EMPTY and from PARTIAL costs the round trips measured, and builds the canonical schema")
    void emptyAndPartialCostWhatWasMeasured(String engine) throws SQLException {
        for (String state : new String[] {"EMPTY", "PARTIAL"}) {
            try (TestDatabase database = TestPostgres.server().createDatabase()) {
                Database owner = owner(database);
                if (state.equals("PARTIAL")) {
                    try (Connection connection = owner.open("round-trip-budget", Duration.ofSeconds(10))) {
                        DatabaseState.PARTIAL.prepare(connection, "public");
                    }
                }
                long count;
                try (LatencyProxy proxy = LatencyProxy.to(owner, Duration.ZERO)) {
                    migrate(proxy.through(owner), engine);
                    count = proxy.count();
                    System.out.printf("[round trips] %s from %s: %d round trips on %d connections%n", engine, state, count, proxy.connections());
                }
                try (Connection connection = database.connect()) {
                    assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
                }
                assertThat(count).as("round trips of %s from %s", engine, state).isEqualTo((state.equals("EMPTY") ? EMPTY : PARTIAL).get(engine).longValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anchors")
    @DisplayName("the plain engines, the anchors: chatmigrate adds at most 5 round trips to theirs from EMPTY (restarts printed for docs/performance.md)")
    void plainEngines(String engine) throws Exception {
        for (String state : new String[] {"EMPTY", "COMPLETE"}) {
            try (TestDatabase database = TestPostgres.server().createDatabase()) {
                Database owner = owner(database);
                if (state.equals("COMPLETE")) {
                    PlainEngines.migrate(engine, direct(owner));
                }
                try (LatencyProxy proxy = LatencyProxy.to(owner, Duration.ZERO)) {
                    PlainEngines.migrate(engine, direct(proxy.through(owner)));
                    System.out.printf("[round trips] plain %s from %s: %d round trips on %d connections%n", engine, state, proxy.count(),
                            proxy.connections());
                    assertThat(proxy.count()).isPositive();
                    if (state.equals("EMPTY")) {
                        assertThat(EMPTY.get(engine) - proxy.count()).as("chatmigrate's round trips over plain %s from EMPTY", engine)
                                .isLessThanOrEqualTo(OVERHEAD_BUDGET);
                    }
                }
            }
        }
    }

    static Stream<String> anchors() {
        return Stream.of("flyway", "liquibase");
    }

    private static Database direct(Database database) {
        return new Database(database.jdbcUrl() + "?sslmode=disable", database.user(), database.password());
    }

    private static MigrationReport migrate(Database database, String engine) {
        return new MigrationRunner(direct(database).settings(engine), provider(engine)).migrate();
    }

    /** The fixture's password user (SCRAM), made owner of {@code database} so that it may create in schema public. */
    private static Database owner(TestDatabase database) throws SQLException {
        Login login = TestPostgres.server().passwordUser(database, PASSWORD);
        Database user = new Database(login.jdbcUrl(), login.user(), login.password());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter database " + database.name() + " owner to " + user.user() + "; alter schema public owner to " + user.user());
        }
        return user;
    }
}
