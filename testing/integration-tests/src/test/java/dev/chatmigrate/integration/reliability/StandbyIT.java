package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.testing.Login;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read-only standby as target: a real replica made with {@code pg_basebackup -R} from a primary, both PostgreSQL 15
 * from the Debian installation (the embedded server is newer than Debian's pg_basebackup). migrate and plan refuse
 * (exit 2) naming the standby and the multi-host URL that reaches the primary; status and verify work read-only, the
 * smoke check skipped, saying why. Skips itself, saying why, without the installation.
 */
class StandbyIT {

    private static final Path INSTALLATION = Path.of("/usr/lib/postgresql/15");
    private static TestPostgres primary;
    private static Process standby;
    private static int standbyPort;
    private static final Map<String, String> COMPLETE = new HashMap<>();
    private static String empty;

    @BeforeAll
    static void startPrimaryAndStandby() throws Exception {
        assumeTrue(Files.isExecutable(INSTALLATION.resolve("bin/pg_basebackup")), "no PostgreSQL 15 with pg_basebackup under " + INSTALLATION
                + " (apt-get install postgresql-15)");
        primary = TestPostgres.installed(INSTALLATION);
        for (String engine : Engines.all()) {
            TestDatabase database = primary.createDatabase();
            ChatmigrateProcess.Result result = ChatmigrateProcess.run(Map.of(), "migrate", "--engine", engine, "--url", url(database.database().jdbcUrl()));
            assertThat(result.exitCode()).as("%s", result).isZero();
            COMPLETE.put(engine, database.name());
        }
        empty = primary.createDatabase().name();
        standbyPort = startStandby(primary.admin().jdbcUrl());
    }

    @AfterAll
    static void stopStandby() throws InterruptedException {
        if (standby != null) {
            standby.destroy();
            standby.waitFor();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("migrate and plan on a standby, EMPTY or COMPLETE: exit 2, naming the standby and target_session_attrs=read-write")
    void migrateAndPlanRefused(String engine) throws Exception {
        for (String database : List.of(COMPLETE.get(engine), empty)) {
            String before = SharedDatabaseIT.fingerprint(onStandby(database));
            for (String command : List.of("migrate", "plan")) {
                ChatmigrateProcess.Result result = cli(command, engine, database);
                SharedDatabaseIT.assertRefused(result, 2, "is a read-only standby", "target_session_attrs=read-write");
            }
            assertThat(SharedDatabaseIT.fingerprint(onStandby(database))).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("status and verify on a standby work read-only: version 5, the smoke check skipped saying why")
    void statusAndVerifyWork(String engine) throws Exception {
        ChatmigrateProcess.Result status = cli("status", engine, COMPLETE.get(engine));
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.out()).contains("version 5");
        ChatmigrateProcess.Result verify = cli("verify", engine, COMPLETE.get(engine));
        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.out()).contains("matches version 5").contains("smoke check skipped: the database is a read-only standby");
    }

    private static ChatmigrateProcess.Result cli(String command, String engine, String database) {
        return ChatmigrateProcess.run(Map.of(), command, "--engine", engine, "--url",
                url("jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + database));
    }

    private static TestDatabase onStandby(String database) {
        return new TestDatabase(database, new Login("jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + database, "postgres", null), primary);
    }

    private static String url(String jdbcUrl) {
        return jdbcUrl.replace("jdbc:postgresql://", "postgresql://postgres:" + SharedDatabaseIT.SECRET + "@");
    }

    /** {@code pg_basebackup -R} from the primary into a new data directory, and a server on it; returns its port. */
    private static int startStandby(String primaryJdbcUrl) throws Exception {
        String hostPort = primaryJdbcUrl.replaceFirst("jdbc:postgresql://([^/]+)/.*", "$1");
        Path data = Files.createTempDirectory("chatmigrate-standby-");
        Files.delete(data);
        Files.createDirectory(data);
        List<String> asServerUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            exec(List.of("chown", "nobody", data.toString()));
            asServerUser.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        exec(List.of("chmod", "700", data.toString()));
        List<String> backup = new ArrayList<>(asServerUser);
        backup.addAll(List.of(INSTALLATION.resolve("bin/pg_basebackup").toString(), "-h", "127.0.0.1", "-p", hostPort.substring(hostPort.indexOf(':') + 1),
                "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream", "-c", "fast"));
        exec(backup);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> server = new ArrayList<>(asServerUser);
        server.addAll(List.of(INSTALLATION.resolve("bin/postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + data, "-c", "max_connections=300"));
        standby = new ProcessBuilder(server).redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                 Statement statement = connection.createStatement(); ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
                recovery.next();
                assertThat(recovery.getBoolean(1)).as("the replica is in recovery").isTrue();
                return port;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the standby did not accept connections within 60 s");
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
