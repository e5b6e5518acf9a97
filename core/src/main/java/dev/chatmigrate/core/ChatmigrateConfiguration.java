package dev.chatmigrate.core;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The fluent configuration of {@link Chatmigrate}: set what differs from the defaults, then
 * {@link #load()}. Values are checked when set or loaded; a missing database is an error at
 * {@link #load()}.
 */
public final class ChatmigrateConfiguration {

    private String engine = Setting.ENGINE.defaultValue();
    private MigrationEngineProvider provider;
    private DataSource dataSource;
    private Database database;
    private String schema = Setting.SCHEMA.defaultValue();
    private boolean enabled = true;
    private int target = ChatbotSchema.LATEST_VERSION;
    private Duration connectTimeout = MigrationSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration lockTimeout = MigrationSettings.DEFAULT_LOCK_TIMEOUT;
    private Duration ddlLockTimeout = MigrationSettings.DEFAULT_DDL_LOCK_TIMEOUT;
    private AdoptionOptions adoption = AdoptionOptions.DEFAULT;

    ChatmigrateConfiguration() {
    }

    /** A configuration from this process's environment, system properties and {@code chatmigrate.properties}. */
    public static ChatmigrateConfiguration fromEnvironment() {
        return new ChatmigrateConfiguration().apply(MigrationConfiguration.load(Map.of()));
    }

    /** Takes every setting {@code resolved} holds: engine, database (if any), schema, enabled, target, timeouts, adoption's. */
    public ChatmigrateConfiguration apply(MigrationConfiguration resolved) {
        engine(resolved.engine()).schema(resolved.schema()).enabled(resolved.enabled())
                .connectTimeout(resolved.connectTimeout()).lockTimeout(resolved.lockTimeout()).ddlLockTimeout(resolved.ddlLockTimeout());
        this.adoption = resolved.adoption();
        resolved.target().ifPresent(this::target);
        resolved.database().ifPresent(url -> database(url.database()));
        return this;
    }

    /** The engine by id ({@code flyway}, {@code liquibase}, {@code mybatis}), found on the class path at {@link #load()}. */
    public ChatmigrateConfiguration engine(String id) {
        this.engine = Objects.requireNonNull(id, "engine");
        this.provider = null;
        return this;
    }

    /** An engine provider given directly instead of by id, for tests and custom engines. */
    public ChatmigrateConfiguration engine(MigrationEngineProvider engineProvider) {
        this.provider = Objects.requireNonNull(engineProvider, "engine");
        this.engine = engineProvider.id();
        return this;
    }

    /** The application's own data source (a HikariCP pool, say) with room for four connections. */
    public ChatmigrateConfiguration dataSource(DataSource source) {
        this.dataSource = Objects.requireNonNull(source, "dataSource");
        this.database = null;
        return this;
    }

    /** A database URL as Neon gives it ({@code postgresql://user:password@host/db?sslmode=require}) or a JDBC URL. */
    public ChatmigrateConfiguration url(String url) {
        return database(DatabaseUrl.parse(Objects.requireNonNull(url, "url")).database());
    }

    /** A database URL with separate credentials; {@code null} keeps the URL's. */
    public ChatmigrateConfiguration url(String url, String user, String password) {
        return database(DatabaseUrl.parse(Objects.requireNonNull(url, "url")).database().withCredentials(user, password));
    }

    private ChatmigrateConfiguration database(Database url) {
        this.database = url;
        this.dataSource = null;
        return this;
    }

    public ChatmigrateConfiguration schema(String name) {
        this.schema = Objects.requireNonNull(name, "schema");
        return this;
    }

    /** {@code false} makes {@link Chatmigrate#migrate()} check the version instead of migrating. */
    public ChatmigrateConfiguration enabled(boolean on) {
        this.enabled = on;
        return this;
    }

    /** The version to migrate to, from 1 to the latest; the latest by default. */
    public ChatmigrateConfiguration target(int version) {
        if (version < 1 || version > ChatbotSchema.LATEST_VERSION) {
            String expected = "a version from 1 to " + ChatbotSchema.LATEST_VERSION;
            throw new InvalidConfigurationException("The target version " + version + " does not exist: expected " + expected + ".",
                    Setting.TARGET.key(), expected, Integer.toString(version));
        }
        this.target = version;
        return this;
    }

    public ChatmigrateConfiguration connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return this;
    }

    public ChatmigrateConfiguration lockTimeout(Duration timeout) {
        this.lockTimeout = Objects.requireNonNull(timeout, "lockTimeout");
        return this;
    }

    public ChatmigrateConfiguration ddlLockTimeout(Duration timeout) {
        this.ddlLockTimeout = Objects.requireNonNull(timeout, "ddlLockTimeout");
        return this;
    }

    /** Lets adoption turn integer ids into uuids, keeping the old ones in {@code chatmigrate_id_map}; off by default. */
    public ChatmigrateConfiguration convertIds(boolean on) {
        this.adoption = adoption.withConvertIds(on);
        return this;
    }

    /** Lets adoption turn roles such as {@code USER} into the canonical {@code user}; off by default. */
    public ChatmigrateConfiguration lowercaseRoles(boolean on) {
        this.adoption = adoption.withLowercaseRoles(on);
        return this;
    }

    /** The zone in which existing {@code timestamp without time zone} values were written; {@code UTC} by default. */
    public ChatmigrateConfiguration timestampZone(String zone) {
        this.adoption = adoption.withTimestampZone(Objects.requireNonNull(zone, "timestampZone"));
        return this;
    }

    /** The configured {@link Chatmigrate}; fails when no database is configured or the engine is unknown. */
    public Chatmigrate load() {
        if (dataSource == null && database == null) {
            throw new InvalidConfigurationException("No database is configured: expected a data source or a url.",
                    Setting.DATABASE_URL.key(), "a data source or a url", "none");
        }
        DataSource source = dataSource != null ? dataSource : database.dataSource(Database.applicationName(engine), connectTimeout);
        MigrationSettings settings = new MigrationSettings(engine, source, schema, connectTimeout, lockTimeout, ddlLockTimeout);
        return new Chatmigrate(new MigrationRunner(settings, provider != null ? provider : MigrationEngines.byId(engine), adoption),
                enabled, target);
    }
}
