package dev.chatmigrate.integration.fleet;

import dev.chatmigrate.cli.ChatmigrateCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.fleet.Fleet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A fleet command run in this JVM, with what the fleet tests need around it: tenant schemas, a databases file, a connection sampler. */
record FleetCommandRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code chatmigrate args} with the test server's credentials in the environment. */
    static FleetCommandRun of(String... args) {
        return of(Map.of(), args);
    }

    /** Runs {@code chatmigrate args} with the test server's credentials and {@code extra} in the environment. */
    static FleetCommandRun of(Map<String, String> extra, String... args) {
        Login admin = TestPostgres.server().admin();
        Map<String, String> environment = new HashMap<>();
        if (admin.user() != null) {
            environment.put("DATABASE_USER", admin.user());
        }
        if (admin.password() != null) {
            environment.put("DATABASE_PASSWORD", admin.password());
        }
        environment.putAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new FleetCommandRun(exitCode, out.toString(), err.toString());
    }

    /** The {@code --json} document on standard output. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + err, e);
        }
    }

    /** Creates {@code count} empty schemas named {@code prefix000}, {@code prefix001}, ... */
    static void createSchemas(TestDatabase database, String prefix, int count) throws SQLException {
        execute(database, "do $$ begin for i in 0.." + (count - 1) + " loop execute format('create schema %I', '" + prefix
                + "' || lpad(i::text, 3, '0')); end loop; end $$");
    }

    static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A databases file with the JDBC URLs (no credentials) of {@code databases}, and a comment and a blank line. */
    static Path databasesFile(Path directory, List<TestDatabase> databases) throws IOException {
        StringBuilder lines = new StringBuilder("# tenants' databases\n\n");
        databases.forEach(database -> lines.append(database.database().jdbcUrl()).append('\n'));
        return Files.writeString(directory.resolve("databases.txt"), lines);
    }

    /**
     * Samples how many connections the fleet of this JVM holds to the test server ({@code pg_stat_activity} by the fleet's
     * {@code application_name}) every few milliseconds while it runs; {@link #close()} stops it.
     */
    static final class ConnectionSampler implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();
        private final Thread thread;

        ConnectionSampler() throws SQLException {
            Connection connection = TestPostgres.server().admin().open("chatmigrate-fleet-test-sampler", Duration.ofSeconds(10));
            thread = new Thread(() -> sample(connection), "fleet-connection-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample(Connection connection) {
            try (connection; PreparedStatement count = connection.prepareStatement(
                    "select count(*) from pg_stat_activity where application_name = ?")) {
                count.setString(1, Fleet.applicationName());
                while (running.get()) {
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        most.accumulateAndGet(row.getInt(1), Math::max);
                        samples.incrementAndGet();
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The most connections seen at once. */
        int most() {
            return most.get();
        }

        int samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
