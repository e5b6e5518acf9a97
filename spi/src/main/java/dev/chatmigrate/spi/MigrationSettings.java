package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything an engine needs to run against one database schema. Immutable; {@link #toString()}
 * masks the password (through {@link Database#toString()}).
 *
 * @param engineId       the provider id, such as {@code flyway}
 * @param schema         a plain lowercase PostgreSQL identifier, {@code public} by default
 * @param connectTimeout how long the runner keeps retrying while the database wakes up
 * @param lockTimeout    how long the runner waits for another migrator's lock
 */
public record MigrationSettings(String engineId, Database database, String schema, Duration connectTimeout, Duration lockTimeout) {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public MigrationSettings {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (!PLAIN_IDENTIFIER.matcher(schema).matches()) {
            throw new InvalidConfigurationException("The schema '" + schema + "' is not a plain lowercase PostgreSQL identifier"
                    + " (expected letters, digits and underscores, such as public or chatbot). Set CHATMIGRATE_SCHEMA accordingly.");
        }
        if (connectTimeout.isNegative() || lockTimeout.isNegative()) {
            throw new InvalidConfigurationException("Timeouts must not be negative: connect " + connectTimeout + ", lock " + lockTimeout + ".");
        }
    }

    /** Settings for {@code database} with the defaults: schema {@code public}, 60 s connect, 120 s lock. */
    public static MigrationSettings of(String engineId, Database database) {
        return new MigrationSettings(engineId, database, "public", Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    /** The {@code application_name} our connections carry, so {@code pg_stat_activity} shows who they are. */
    public String applicationName() {
        return "chatmigrate-" + engineId + " pid " + ProcessHandle.current().pid();
    }

    public MigrationSettings withEngine(String otherEngineId) {
        return new MigrationSettings(otherEngineId, database, schema, connectTimeout, lockTimeout);
    }

    public MigrationSettings withSchema(String otherSchema) {
        return new MigrationSettings(engineId, database, otherSchema, connectTimeout, lockTimeout);
    }

    public MigrationSettings withTimeouts(Duration connect, Duration lock) {
        return new MigrationSettings(engineId, database, schema, connect, lock);
    }
}
