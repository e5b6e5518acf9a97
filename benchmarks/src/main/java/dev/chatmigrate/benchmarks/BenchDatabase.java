package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A fresh database on the {@link BenchServer} in a {@link DatabaseState}, with the runner of one
 * engine for it; {@link #close()} drops it.
 */
final class BenchDatabase implements AutoCloseable {

    private static final String SCHEMA = "public";

    private final TestDatabase database;
    private final BenchEngine engine;
    private final DatabaseState state;
    private final MigrationRunner runner;

    private BenchDatabase(TestDatabase database, BenchEngine engine, DatabaseState state) {
        this.database = database;
        this.engine = engine;
        this.state = state;
        this.runner = engine.runner(database.settings(engine.provider().id()));
    }

    /** Creates a database and brings it to {@code state}, with {@code engine} running where {@code preparation} says. */
    static BenchDatabase create(BenchEngine engine, DatabaseState state, Preparation preparation) {
        BenchDatabase created = new BenchDatabase(BenchServer.get().createDatabase(), engine, state);
        try {
            if (state == DatabaseState.COMPLETE) {
                preparation.migrate(created);
            } else {
                state.prepare(created.database.settings(engine.provider().id()), engine.provider());
            }
            return created;
        } catch (SQLException | RuntimeException e) {
            created.close();
            throw new IllegalStateException("Cannot prepare a " + state + " database for " + engine.name() + ": " + e.getMessage(), e);
        }
    }

    /** Whether a migrate leaves the database in the state it started from, so one database serves many invocations. */
    static boolean survivesMigrate(DatabaseState state) {
        return state == DatabaseState.COMPLETE;
    }

    BenchEngine engine() {
        return engine;
    }

    Database database() {
        return database(database);
    }

    /** The test fixture's login to {@code database} as core's {@link Database}. */
    static Database database(TestDatabase database) {
        Login login = database.database();
        return new Database(login.jdbcUrl(), login.user(), login.password());
    }

    MigrationRunner runner() {
        return runner;
    }

    /** A new autocommit connection as the server's admin user. */
    Connection connect() throws SQLException {
        return database.connect();
    }

    /** The measured operation: what an application does at startup. */
    MigrationReport migrate() {
        return runner.migrate();
    }

    /** Fails unless the schema is exactly the canonical latest version. */
    void verifyLatest() {
        verify(ChatbotSchema.LATEST_VERSION);
    }

    /** Fails unless the schema is exactly the canonical {@code version}. */
    void verify(int version) {
        DriftReport drift;
        try (Connection connection = connect()) {
            drift = SchemaVerifier.verify(connection, SCHEMA, version);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the schema left by " + engine.name() + ": " + e.getMessage(), e);
        }
        if (!drift.isClean()) {
            throw new IllegalStateException(engine.name() + " starting from " + state + " did not leave the canonical schema at version "
                    + version + "; this measurement is worthless. " + drift);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
