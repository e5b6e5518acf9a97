package dev.chatmigrate.core.fleet;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.core.Setting;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One run over many targets, each through the single-target {@link Chatmigrate} unchanged:
 *
 * <pre>{@code
 * FleetReport report = Fleet.configure()
 *         .eachTarget(each -> each.engine("liquibase"))  // what every target's configuration sets
 *         .database("postgresql://app@db.example.com/tenants")
 *         .schemas(SchemaSelection.parse("tenant_*"))    // globs match the schemas that exist
 *         .parallel(8).canary(1)
 *         .migrate();
 * }</pre>
 *
 * At most {@code parallel × 3} connections are open to one server at once, plus one while a database's schemas are
 * listed (docs/deployment.md, "Fleets").
 */
public final class Fleet {

    /** The {@code application_name} of the connections the fleet opens from URLs, shown in {@code pg_stat_activity}. */
    public static String applicationName() {
        return "chatmigrate-fleet pid " + ProcessHandle.current().pid();
    }

    private final List<FleetDatabase> databases = new ArrayList<>();
    private Consumer<ChatmigrateConfiguration> configuration = each -> { };
    private SchemaSelection schemas;
    private String defaultSchema = Setting.SCHEMA.defaultValue();
    private int parallel = 1;
    private boolean failFast;
    private int canary;
    private Consumer<TargetResult> progress = result -> { };
    private Duration connectTimeout = Chatmigrate.configure().connectTimeout();

    /**
     * A fleet with no targets yet, one worker, no canary, fail-fast off. A layer above {@link Chatmigrate}, so it is
     * made here rather than by {@code Chatmigrate} (no cycle between the two packages).
     */
    public static Fleet configure() {
        return new Fleet();
    }

    private Fleet() {
    }

    /** What every target's configuration sets (engine, timeouts, adoption's options, target version); the database and schema are the fleet's. */
    public Fleet eachTarget(Consumer<ChatmigrateConfiguration> each) {
        this.configuration = Objects.requireNonNull(each, "eachTarget");
        return this;
    }

    /** A database by URL (as {@link Chatmigrate#configure()}'s {@code url} takes it); without a password pgJDBC reads {@code ~/.pgpass}. */
    public Fleet database(String url) {
        return database(DatabaseUrl.parse(Objects.requireNonNull(url, "url")).database());
    }

    /** A database with its credentials. */
    public Fleet database(Database database) {
        String jdbc = database.jdbcUrl();
        String afterScheme = jdbc.substring("jdbc:postgresql://".length());
        int slash = afterScheme.indexOf('/');
        String server = slash < 0 ? afterScheme : afterScheme.substring(0, slash);
        String name = slash < 0 ? "postgres" : afterScheme.substring(slash + 1).replaceFirst("\\?.*", "");
        databases.add(new FleetDatabase(Secrets.redactUrl(name), server, database.dataSource(applicationName(), connectTimeout)));
        return this;
    }

    /** A database as the application's own data source (a pool with room for {@code parallel × 3} connections), named {@code name} in the summary. */
    public Fleet database(DataSource dataSource, String name) {
        databases.add(new FleetDatabase(Objects.requireNonNull(name, "name"), "data source " + System.identityHashCode(dataSource), dataSource));
        return this;
    }

    /** The schemas to run on in every database; without it, each database's {@link #defaultSchema(String)}. */
    public Fleet schemas(SchemaSelection selection) {
        this.schemas = Objects.requireNonNull(selection, "schemas");
        return this;
    }

    /** The schema of a database when no {@link #schemas(SchemaSelection)} is given; {@code public} by default. */
    public Fleet defaultSchema(String schema) {
        this.defaultSchema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /** How many targets run at once; 1 by default. */
    public Fleet parallel(int workers) {
        if (workers < 1) {
            throw new InvalidConfigurationException("--parallel is " + workers + ": expected a number of workers of at least 1.",
                    "parallel", "a number of at least 1", Integer.toString(workers));
        }
        this.parallel = workers;
        return this;
    }

    /** Whether the first failure leaves the targets not yet started not run; off by default. */
    public Fleet failFast(boolean on) {
        this.failFast = on;
        return this;
    }

    /** Runs the first {@code targets} targets first, and no other when one of them fails; 0 (none) by default. */
    public Fleet canary(int targets) {
        if (targets < 0) {
            throw new InvalidConfigurationException("--canary is " + targets + ": expected a number of targets of at least 0.",
                    "canary", "a number of at least 0", Integer.toString(targets));
        }
        this.canary = targets;
        return this;
    }

    /** Called once per target as it finishes, one call at a time, from the worker's thread. */
    public Fleet progress(Consumer<TargetResult> listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return this;
    }

    /** How long one attempt to connect to a database given by URL, or to get one of the fleet's connections, may wait. */
    public Fleet connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return this;
    }

    public FleetReport migrate() {
        return run(TargetWork.MIGRATE);
    }

    public FleetReport status() {
        return run(TargetWork.STATUS);
    }

    public FleetReport plan() {
        return run(TargetWork.PLAN);
    }

    /** Runs {@code work} on every target. Throws only for a configuration every target shares (an unknown engine, say). */
    public FleetReport run(TargetWork work) {
        if (databases.isEmpty()) {
            throw new InvalidConfigurationException("The fleet has no database: expected a database URL or data source.",
                    Setting.DATABASE_URL.key(), "a database", "none");
        }
        ChatmigrateConfiguration shared = Chatmigrate.configure();
        configuration.accept(shared);
        String engine = shared.dataSource(databases.get(0).dataSource()).load().settings().engineId(); // fails here for every target at once
        List<FleetTarget> targets = new ArrayList<>();
        List<TargetResult> unlisted = new ArrayList<>();
        for (FleetDatabase database : databases) {
            try {
                for (String schema : schemasOf(database)) {
                    String name = databases.size() == 1 ? schema : database.name() + "/" + schema;
                    targets.add(new FleetTarget(name, database.server(), database.dataSource(), schema));
                }
            } catch (SQLException e) {
                FleetTarget whole = new FleetTarget(database.name() + "/" + schemas, database.server(), database.dataSource(), defaultSchema);
                unlisted.add(new TargetResult(whole, engine, -1, -1, Duration.ZERO, TargetResult.Outcome.FAILED,
                        Optional.of(MigrationException.Kind.CANNOT_CONNECT), "Cannot list the schemas of database " + database.name() + " on "
                        + database.server() + ": " + Secrets.redact(e.getMessage())));
            }
        }
        return new FleetRun(configuration, parallel, failFast, canary, progress, connectTimeout).run(targets, unlisted, engine, work);
    }

    private List<String> schemasOf(FleetDatabase database) throws SQLException {
        if (schemas == null) {
            return List.of(defaultSchema);
        }
        if (!schemas.hasGlob()) {
            return schemas.names();
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return schemas.resolve(connection);
        }
    }

    /** A database of the fleet: its name in the summary, its server (for the bound) and where its connections come from. */
    private record FleetDatabase(String name, String server, DataSource dataSource) {
    }
}
