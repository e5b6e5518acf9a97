package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A production database is shared: least-privilege roles, role settings ({@code ALTER ROLE ... SET}). Each scenario runs
 * the real process as a real role of the shared test server, on a fresh database, for every engine, and checks the
 * form of the outcome: the documented exit code, one paragraph naming the cause and the fix, no stack trace or engine
 * dump, no secret, and nothing changed where it refuses (catalog, every table's rows). Standbys: {@link StandbyIT}.
 */
class SharedDatabaseIT {

    static final String SECRET = "S3cret-shared-db-pw";
    private static final AtomicInteger ROLES = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a role with USAGE only on an EMPTY schema: refused (exit 2) naming GRANT CREATE ON SCHEMA, nothing changed")
    void leastPrivilegeOnEmpty(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            String before = scenario.fingerprint();
            ChatmigrateProcess.Result result = scenario.run(engine, "migrate");
            assertRefused(result, 2, "may not create tables in schema public", "GRANT CREATE ON SCHEMA \"public\" TO \"" + scenario.role + "\"");
            assertThat(scenario.fingerprint()).as("nothing changed").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a COMPLETE schema with USAGE and DML only keeps working: migrate and status exit 0")
    void completeWithDmlOnly(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            scenario.admin(engine, "migrate");
            scenario.sql("grant select, insert, update, delete on all tables in schema public to " + scenario.role);
            String before = scenario.fingerprint();
            assertThat(scenario.run(engine, "migrate").exitCode()).isZero();
            ChatmigrateProcess.Result status = scenario.run(engine, "status");
            assertThat(status.exitCode()).as("%s", status).isZero();
            assertThat(status.out()).contains("version 5");
            assertThat(scenario.fingerprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a version-3 schema owned by another role: refused (exit 2) naming the owner and GRANT owner TO role, no failed history row")
    void version3OwnedByAnotherRole(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            String owner = scenario.role + "_owner";
            scenario.sql("create role " + owner + "; grant create on schema public to " + scenario.role + ", " + owner);
            scenario.admin(engine, "migrate", "--target", "3");
            scenario.sql("alter table conversations owner to " + owner + "; alter table messages owner to " + owner
                    + "; grant select, insert, update, delete on all tables in schema public to " + scenario.role);
            String before = scenario.fingerprint();
            ChatmigrateProcess.Result result = scenario.run(engine, "migrate");
            assertRefused(result, 2, "does not own table conversations (owner " + owner + ")", "GRANT \"" + owner + "\" TO \"" + scenario.role + "\"");
            assertThat(scenario.fingerprint()).as("nothing changed, no failed history row").isEqualTo(before);
            scenario.extraRoles.add(owner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("status with the history unreadable: refused (exit 2) naming GRANT SELECT, never a version it could not read")
    void statusWithUnreadableHistory(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            scenario.admin(engine, "migrate");
            scenario.sql("grant select, insert, update, delete on conversations, messages to " + scenario.role);
            String before = scenario.fingerprint();
            ChatmigrateProcess.Result result = scenario.run(engine, "status");
            assertRefused(result, 2, "may not read " + engine + "'s history", "GRANT SELECT ON \"public\".");
            assertThat(result.out()).doesNotContain("version 0").doesNotContain("pending");
            assertThat(scenario.fingerprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("ALTER ROLE ... SET default_transaction_read_only = on: refused (exit 2) naming the setting and its RESET")
    void readOnlyRole(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            scenario.sql("grant create on schema public to " + scenario.role + "; alter role " + scenario.role + " set default_transaction_read_only = on");
            String before = scenario.fingerprint();
            ChatmigrateProcess.Result result = scenario.run(engine, "migrate");
            assertRefused(result, 2, "are read-only", "ALTER ROLE \"" + scenario.role + "\" RESET default_transaction_read_only");
            assertThat(scenario.fingerprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("ALTER ROLE ... SET statement_timeout = '50ms' that cancels version 4's index build: overridden, migrate reaches 5, no INVALID index")
    void statementTimeoutOverridden(String engine) throws Exception {
        try (Scenario scenario = new Scenario()) {
            scenario.sql("grant create on schema public to " + scenario.role);
            scenario.run(engine, "migrate", "--target", "3");
            scenario.sql("alter role " + scenario.role + " set statement_timeout = '50ms'");
            scenario.growUntilTheIndexBuildTimesOut();
            ChatmigrateProcess.Result result = scenario.run(engine, "migrate");
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).contains("to 5");
            assertThat(Catalog.of(scenario.database)).contains("ix_messages_created_at").doesNotContain("INVALID");
        }
    }

    @ParameterizedTest(name = "{0} from version {1}")
    @MethodSource("idleScenarios")
    @DisplayName("ALTER ROLE ... SET idle_in_transaction_session_timeout = '100ms': overridden, migrate reaches 5, no lock row held")
    void idleInTransactionTimeoutOverridden(String engine, int from) throws Exception {
        try (Scenario scenario = new Scenario()) {
            scenario.sql("grant create on schema public to " + scenario.role);
            if (from > 0) {
                scenario.run(engine, "migrate", "--target", String.valueOf(from));
            }
            scenario.sql("alter role " + scenario.role + " set idle_in_transaction_session_timeout = '100ms'");
            ChatmigrateProcess.Result result = scenario.run(engine, "migrate");
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).contains("to 5");
            if (engine.equals("liquibase")) {
                assertThat(scenario.query("select count(*) from chatmigrate_changelog_lock where locked", "0")).as("lock rows held").isEqualTo("0");
            }
        }
    }

    static List<Object[]> idleScenarios() {
        List<Object[]> scenarios = new ArrayList<>();
        for (String engine : Engines.all()) {
            scenarios.add(new Object[] {engine, 0});
            scenarios.add(new Object[] {engine, 3});
        }
        return scenarios;
    }

    /** One paragraph on standard error naming the cause and the fix, the exit code, no trace, dump or secret. */
    static void assertRefused(ChatmigrateProcess.Result result, int exitCode, String cause, String fix) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(exitCode);
        assertThat(result.everything()).as("%s", result).doesNotContain(SECRET).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("SQL State").doesNotContain("Error Code").doesNotContain("[Failed SQL").doesNotContain("Location   :");
        List<String> lines = result.err().strip().lines().toList();
        assertThat(lines).as("%s", result).hasSize(1);
        assertThat(lines.get(0)).as("%s", result).startsWith("chatmigrate: ").contains(cause).contains(fix).contains("nothing was changed");
    }

    /** The catalog of schema public and the rows of every table in it (histories and lock rows included). */
    static String fingerprint(TestDatabase database) throws SQLException {
        StringBuilder text = new StringBuilder(Catalog.of(database));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet md5 = statement.executeQuery("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from public.\"" + table + "\" t")) {
                    md5.next();
                    text.append('\n').append(table).append(' ').append(md5.getString(1));
                }
            }
            text.append('\n').append(DataFingerprint.of(connection, "public"));
        }
        return text.toString();
    }

    /** A fresh database on the shared server and a login role of its own, both dropped at the end. */
    static final class Scenario implements AutoCloseable {

        final TestDatabase database = TestPostgres.server().createDatabase();
        final String role = "cm_shared_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        final List<String> extraRoles = new ArrayList<>();

        Scenario() throws SQLException {
            sql("create role " + role + " login");
        }

        /** {@code chatmigrate engine args} as the scenario's role, with a password in the URL that must never be printed. */
        ChatmigrateProcess.Result run(String engine, String... args) {
            return runAs(role + ":" + SECRET, engine, args);
        }

        /** {@code chatmigrate engine args} as the server's admin, to prepare a state. */
        void admin(String engine, String... args) {
            ChatmigrateProcess.Result result = runAs("postgres", engine, args);
            assertThat(result.exitCode()).as("%s", result).isZero();
        }

        private ChatmigrateProcess.Result runAs(String userinfo, String engine, String... args) {
            String url = database.database().jdbcUrl().replace("jdbc:postgresql://", "postgresql://" + userinfo + "@");
            List<String> command = new ArrayList<>(List.of(args));
            command.addAll(List.of("--engine", engine, "--url", url));
            return ChatmigrateProcess.start(Map.of(), command.toArray(String[]::new)).await(Duration.ofMinutes(2));
        }

        void sql(String sql) throws SQLException {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        String query(String sql, String none) throws SQLException {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getString(1) : none;
            }
        }

        String fingerprint() throws SQLException {
            return SharedDatabaseIT.fingerprint(database);
        }

        /**
         * Adds messages, 50,000 at a time, until version 4's index build, run as the role with its own settings (and
         * rolled back), is cancelled by its statement timeout: the smallest table here that shows the setting breaks it.
         */
        void growUntilTheIndexBuildTimesOut() throws SQLException {
            sql("insert into conversations (user_id, title) select 'u' || g, 't' from generate_series(1, 100) g");
            Login asRole = database.database().withCredentials(role, null);
            for (int batch = 1; batch <= 20; batch++) {
                sql("insert into messages (conversation_id, role, content) select c.id, 'user', 'hello ' || g"
                        + " from conversations c, generate_series(1, 500) g");
                try (Connection connection = asRole.open("chatmigrate-test-control", Duration.ofSeconds(10))) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("create index ix_control on messages (created_at)");
                        connection.rollback();
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).as("cancelled by statement_timeout").isEqualTo("57014");
                        return;
                    }
                }
            }
            throw new AssertionError("the index build never took longer than 50 ms on 1,000,000 messages");
        }

        @Override
        public void close() throws SQLException {
            database.close();
            try (Connection connection = TestPostgres.server().admin().open("chatmigrate-test-admin", Duration.ofSeconds(10));
                 Statement statement = connection.createStatement()) {
                for (String dropped : extraRoles) {
                    statement.execute("drop role if exists " + dropped);
                }
                statement.execute("drop role if exists " + role);
            }
        }
    }
}
