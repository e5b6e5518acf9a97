package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything an engine needs to run against one database schema. Immutable. The defaults of these values are
 * the application's business: {@code dev.chatmigrate.core.Setting} declares them.
 *
 * @param engineId       the provider id, such as {@code flyway}
 * @param dataSource     where every connection comes from: the application's own pool, or one made from a URL
 * @param schema         a plain lowercase PostgreSQL identifier, {@code public} by default ({@link SchemaName})
 * @param connectTimeout how long connecting keeps retrying while the database wakes up
 * @param lockTimeout    the whole budget for waiting on locks: another migrator's, and the tables' locks a step needs
 * @param ddlLockTimeout how long one DDL statement waits for its table lock before its step is retried
 * @param partitionedMessages whether {@code messages} is a partitioned table, a fact the runner reads under its lock:
 *                       the engine then runs version 4 with {@link ScriptPlaceholders} for that layout
 */
public record MigrationSettings(String engineId, DataSource dataSource, String schema, Duration connectTimeout, Duration lockTimeout,
                                Duration ddlLockTimeout, boolean partitionedMessages) {

    /** Settings for a schema whose {@code messages}, if any, is a plain table. */
    public MigrationSettings(String engineId, DataSource dataSource, String schema, Duration connectTimeout, Duration lockTimeout,
                             Duration ddlLockTimeout) {
        this(engineId, dataSource, schema, connectTimeout, lockTimeout, ddlLockTimeout, false);
    }


    public MigrationSettings {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(ddlLockTimeout, "ddlLockTimeout");
        SchemaName.check(schema);
        if (connectTimeout.isNegative() || lockTimeout.isNegative() || ddlLockTimeout.isNegative()) {
            throw new InvalidConfigurationException("Timeouts must not be negative: connect " + connectTimeout + ", lock " + lockTimeout
                    + ", DDL lock " + ddlLockTimeout + ".");
        }
    }

    public MigrationSettings withEngine(String otherEngineId) {
        return new MigrationSettings(otherEngineId, dataSource, schema, connectTimeout, lockTimeout, ddlLockTimeout, partitionedMessages);
    }

    public MigrationSettings withSchema(String otherSchema) {
        return new MigrationSettings(engineId, dataSource, otherSchema, connectTimeout, lockTimeout, ddlLockTimeout, false);
    }

    public MigrationSettings withDataSource(DataSource other) {
        return new MigrationSettings(engineId, other, schema, connectTimeout, lockTimeout, ddlLockTimeout, partitionedMessages);
    }

    public MigrationSettings withTimeouts(Duration connect, Duration lock) {
        return new MigrationSettings(engineId, dataSource, schema, connect, lock, ddlLockTimeout, partitionedMessages);
    }

    /** These settings for a schema whose {@code messages} is (or is not) partitioned. */
    public MigrationSettings withPartitionedMessages(boolean partitioned) {
        return new MigrationSettings(engineId, dataSource, schema, connectTimeout, lockTimeout, ddlLockTimeout, partitioned);
    }

    @Override
    public String toString() {
        return "MigrationSettings[engine " + engineId + ", database " + dataSource + ", schema " + schema + ", connect timeout "
                + connectTimeout + ", lock timeout " + lockTimeout + ", DDL lock timeout " + ddlLockTimeout + (partitionedMessages ? ", messages partitioned" : "") + "]";
    }
}
