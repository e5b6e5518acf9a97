package dev.chatmigrate.benchmarks;

import dev.chatmigrate.cli.network.LatencyProxy;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whole {@code chatmigrate migrate} processes (the launcher {@code cli/target/chatmigrate}) through a
 * {@link LatencyProxy}: round trips, connections and wall time per round-trip time × engine × state.
 * The user authenticates with a password (SCRAM, as on Neon) and {@code sslmode=disable}; a COMPLETE
 * database is migrated beforehand without the proxy. Every database is verified afterwards.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chatmigrate.benchmarks.RoundTrips [RTT_MS,...] [ENGINE,...] [STATE,...] [RUNS]
 * }</pre>
 * Defaults: {@code 0,50 flyway,liquibase,mybatis EMPTY,COMPLETE 3}. Prints a Markdown table: the round trips of
 * each run (they should not vary), the median wall time and the range.
 */
public final class RoundTrips {

    private static final String PASSWORD = "round-trips-secret";

    private record Run(long roundTrips, int connections, long millis) {
    }

    private RoundTrips() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rtts = argument(args, 0, "0,50");
        List<String> engines = argument(args, 1, "flyway,liquibase,mybatis");
        List<DatabaseState> states = argument(args, 2, "EMPTY,COMPLETE").stream().map(DatabaseState::valueOf).toList();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path launcher = CliJar.locate().resolveSibling("chatmigrate");
        TestPostgres server = BenchServer.get();
        System.out.println("| RTT | engine | state | round trips | connections | wall, median (range) |");
        System.out.println("|---|---|---|---|---|---|");
        for (String rtt : rtts) {
            for (String engine : engines) {
                for (DatabaseState state : states) {
                    List<Run> measured = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        measured.add(once(server, launcher, engine, state, Duration.ofMillis(Long.parseLong(rtt))));
                    }
                    System.out.println(row(rtt + " ms", engine, state, measured));
                }
            }
        }
    }

    private static Run once(TestPostgres server, Path launcher, String engine, DatabaseState state, Duration rtt) throws SQLException {
        if (state != DatabaseState.EMPTY && state != DatabaseState.COMPLETE) {
            throw new IllegalArgumentException("Expected EMPTY or COMPLETE, found " + state
                    + ": the tables of the other states would belong to the admin, not the password user.");
        }
        try (TestDatabase database = server.createDatabase()) {
            Database owner = owner(server, database);
            if (state == DatabaseState.COMPLETE) {
                migrate(launcher, engine, owner);
            }
            Run run;
            try (LatencyProxy proxy = LatencyProxy.to(owner, rtt)) {
                long start = System.nanoTime();
                migrate(launcher, engine, proxy.through(owner));
                run = new Run(proxy.count(), proxy.connections(), Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            verifyLatest(database, engine, state);
            return run;
        }
    }

    /** The fixture's password user (SCRAM), made owner of {@code database} so that it may create in schema public. */
    static Database owner(TestPostgres server, TestDatabase database) throws SQLException {
        Login login = server.passwordUser(database, PASSWORD);
        Database user = new Database(login.jdbcUrl(), login.user(), login.password());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter database " + database.name() + " owner to " + user.user());
        }
        return user;
    }

    /** Runs {@code chatmigrate migrate} with {@code engine} on {@code database}, without TLS; fails unless it exits 0. */
    static void migrate(Path launcher, String engine, Database database) {
        Map<String, String> environment = JavaProcess.credentials(database);
        environment.put("DATABASE_URL", database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "sslmode=disable");
        JavaProcess.launcher(launcher, List.of("migrate", "--engine", engine), environment).run();
    }

    private static void verifyLatest(TestDatabase database, String engine, DatabaseState state) throws SQLException {
        try (Connection connection = database.connect()) {
            DriftReport drift = SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION);
            if (!drift.isClean()) {
                throw new IllegalStateException(engine + " from " + state + " did not leave the canonical latest schema: " + drift);
            }
        }
    }

    private static String row(String rtt, String engine, DatabaseState state, List<Run> runs) {
        String roundTrips = String.join(", ", runs.stream().map(run -> Long.toString(run.roundTrips())).distinct().toList());
        String connections = String.join(", ", runs.stream().map(run -> Integer.toString(run.connections())).distinct().toList());
        long[] millis = runs.stream().mapToLong(Run::millis).sorted().toArray();
        return "| " + rtt + " | " + engine + " | " + state + " | " + roundTrips + " | " + connections + " | "
                + millis[millis.length / 2] + " ms (" + millis[0] + "–" + millis[millis.length - 1] + ") |";
    }

    private static List<String> argument(String[] args, int index, String otherwise) {
        return Arrays.asList((args.length > index ? args[index] : otherwise).split(","));
    }
}
