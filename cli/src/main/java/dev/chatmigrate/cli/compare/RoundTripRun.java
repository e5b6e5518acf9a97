package dev.chatmigrate.cli.compare;

import dev.chatmigrate.cli.network.LatencyProxy;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code compare --rtt}: one more migrate per engine and state, in this JVM, through a {@link LatencyProxy}
 * that adds the round-trip time: the round trips it counts and the wall time. The schema is prepared without
 * the proxy, verified afterwards and dropped.
 */
final class RoundTripRun {

    private RoundTripRun() {
    }

    static ComparisonRow measure(Database database, String engine, DatabaseState state, Duration rtt, ComparisonRow row) {
        MigrationEngineProvider provider = ColdRun.provider(engine);
        String schema = ("compare_" + engine + "_" + state + "_rtt").toLowerCase(Locale.ROOT);
        try (Connection connection = database.open("chatmigrate-compare", Duration.ofSeconds(30))) {
            state.prepare(database.settings(engine).withSchema(schema), provider);
            long count;
            long started;
            long elapsed;
            try (LatencyProxy proxy = LatencyProxy.to(database, rtt)) {
                MigrationSettings settings = proxy.through(database).settings(engine).withSchema(schema);
                started = System.nanoTime();
                new MigrationRunner(settings, provider).migrate();
                elapsed = System.nanoTime() - started;
                count = proxy.count();
            }
            boolean verified = SchemaVerifier.verify(connection, schema, ChatbotSchema.LATEST_VERSION).isClean();
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema \"" + schema + "\" cascade");
            }
            ComparisonRow measured = row.withRoundTrips(count, rtt.toNanos() / 1e6, elapsed / 1e6);
            return verified ? measured : measured.unverified();
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare --rtt: " + engine + " on " + state + " failed: "
                    + e.getMessage(), e);
        }
    }
}
