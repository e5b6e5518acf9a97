package dev.chatmigrate.core;

import dev.chatmigrate.core.SettingValues.Rank;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one configuration of {@link Chatmigrate}, as Flyway's {@code FluentConfiguration}: every {@link Setting} from
 * explicit calls, the {@linkplain #environment() environment}, {@linkplain #systemProperties() system properties},
 * {@linkplain #propertiesFile() chatmigrate.properties} and a {@linkplain #configuration(Map) map}, then
 * {@link #load()}. Whatever the order of the calls, explicit calls, flags and maps beat the environment, which beats
 * system properties, which beat the file, which beats the defaults; {@link #source(Setting)} says where each value
 * came from. Values are checked when read or loaded, naming their source; see docs/design.md, "Configuration".
 */
public final class ChatmigrateConfiguration {

    private static final String EXPLICIT = "explicit";
    private final SettingValues values = new SettingValues();
    private MigrationEngineProvider provider;
    private final ConfiguredDatabase given = new ConfiguredDatabase();

    ChatmigrateConfiguration() {
    }

    /** A configuration from this process's environment, system properties and {@code chatmigrate.properties}. */
    public static ChatmigrateConfiguration fromEnvironment() {
        return new ChatmigrateConfiguration().environment().systemProperties().propertiesFile();
    }

    /** Reads {@code DATABASE_URL}, {@code CHATMIGRATE_*} and the other variables of {@link Setting} from this process. */
    public ChatmigrateConfiguration environment() {
        return environment(System.getenv());
    }

    /** Reads the variables of {@link Setting} from {@code environment} instead of this process's. */
    public ChatmigrateConfiguration environment(Map<String, String> environment) {
        for (Setting setting : Setting.values()) {
            values.put(setting, environment.get(setting.environmentVariable()), Rank.ENVIRONMENT, setting.environmentVariable());
        }
        return this;
    }

    /** Reads the {@code chatmigrate.*} system properties of this process. */
    public ChatmigrateConfiguration systemProperties() {
        values.putProperties(System.getProperties(), Rank.SYSTEM_PROPERTY, "system property", false);
        return this;
    }

    /** Reads {@code chatmigrate.properties} from the working directory, else from the class path, if there is one. */
    public ChatmigrateConfiguration propertiesFile() {
        values.putProperties(PropertiesFile.find(), Rank.PROPERTIES_FILE, PropertiesFile.NAME, true);
        return this;
    }

    /** Reads {@code file} as {@code chatmigrate.properties}; a missing file is an error. */
    public ChatmigrateConfiguration propertiesFile(java.nio.file.Path file) {
        values.putProperties(PropertiesFile.read(file), Rank.PROPERTIES_FILE, file.getFileName().toString(), true);
        return this;
    }

    /** Takes the {@code chatmigrate.*} entries of {@code settings} as explicit values; an unknown one is refused. */
    public ChatmigrateConfiguration configuration(Map<String, String> settings) {
        values.putProperties(settings, Rank.EXPLICIT, "configuration", true);
        return this;
    }

    /** Takes values given on a command line; {@link #source(Setting)} reports each by its flag, such as {@code --target}. */
    public ChatmigrateConfiguration flags(Map<Setting, String> flags) {
        flags.forEach((setting, value) -> values.put(setting, value, Rank.EXPLICIT, setting.flag().orElse("flag")));
        return this;
    }

    /** The engine by id ({@code flyway}, {@code liquibase}, {@code mybatis}), found on the class path at {@link #load()}. */
    public ChatmigrateConfiguration engine(String id) {
        return explicit(Setting.ENGINE, Objects.requireNonNull(id, "engine"));
    }

    /** An engine provider given directly instead of by id, for tests and custom engines. */
    public ChatmigrateConfiguration engine(MigrationEngineProvider engineProvider) {
        explicit(Setting.ENGINE, Objects.requireNonNull(engineProvider, "engine").id());
        this.provider = engineProvider;
        return this;
    }

    /** The application's own data source (a HikariCP pool, say) with room for three connections; replaces any URL. */
    public ChatmigrateConfiguration dataSource(DataSource source) {
        given.dataSource(Objects.requireNonNull(source, "dataSource"));
        return this;
    }

    /** A database URL as Neon gives it ({@code postgresql://user:password@host/db?sslmode=require}) or a JDBC URL. */
    public ChatmigrateConfiguration url(String url) {
        return database(null).explicit(Setting.DATABASE_URL, Objects.requireNonNull(url, "url"));
    }

    /** A database URL with separate credentials; {@code null} keeps the URL's. */
    public ChatmigrateConfiguration url(String url, String user, String password) {
        url(url);
        values.put(Setting.DATABASE_USER, user, Rank.EXPLICIT, EXPLICIT);
        values.put(Setting.DATABASE_PASSWORD, password, Rank.EXPLICIT, EXPLICIT);
        return this;
    }

    /** A database given as a value (a server this process started, say); replaces any URL or data source. */
    public ChatmigrateConfiguration database(Database given) {
        this.given.database(given);
        return this;
    }

    public ChatmigrateConfiguration schema(String name) {
        return explicit(Setting.SCHEMA, Objects.requireNonNull(name, "schema"));
    }

    /** {@code false} makes {@link Chatmigrate#migrate()} check the version instead of migrating, and refuses downgrades. */
    public ChatmigrateConfiguration enabled(boolean on) {
        return explicit(Setting.ENABLED, Boolean.toString(on));
    }

    /** The version to migrate to, from 1 to the latest; the latest by default. */
    public ChatmigrateConfiguration target(int version) {
        explicit(Setting.TARGET, Integer.toString(version));
        values.target(); // fails now for a version that does not exist
        return this;
    }

    public ChatmigrateConfiguration connectTimeout(Duration timeout) {
        return explicit(Setting.CONNECT_TIMEOUT, Objects.requireNonNull(timeout, "connectTimeout").toString());
    }

    public ChatmigrateConfiguration lockTimeout(Duration timeout) {
        return explicit(Setting.LOCK_TIMEOUT, Objects.requireNonNull(timeout, "lockTimeout").toString());
    }

    public ChatmigrateConfiguration ddlLockTimeout(Duration timeout) {
        return explicit(Setting.DDL_LOCK_TIMEOUT, Objects.requireNonNull(timeout, "ddlLockTimeout").toString());
    }

    /** How long migrate waits for every streaming standby to replay its changes; {@link Duration#ZERO} turns the wait off. */
    public ChatmigrateConfiguration replicaWait(Duration wait) {
        return explicit(Setting.REPLICA_WAIT, Objects.requireNonNull(wait, "replicaWait").toString());
    }

    /** Lets adoption turn integer ids into uuids, keeping the old ones in {@code chatmigrate_id_map}; off by default. */
    public ChatmigrateConfiguration convertIds(boolean on) {
        return explicit(Setting.CONVERT_IDS, Boolean.toString(on));
    }

    /** Lets adoption turn roles such as {@code USER} into the canonical {@code user}; off by default. */
    public ChatmigrateConfiguration lowercaseRoles(boolean on) {
        return explicit(Setting.LOWERCASE_ROLES, Boolean.toString(on));
    }

    /** The zone in which existing {@code timestamp without time zone} values were written; {@code UTC} by default. */
    public ChatmigrateConfiguration timestampZone(String zone) {
        return explicit(Setting.TIMESTAMP_ZONE, Objects.requireNonNull(zone, "timestampZone"));
    }

    /** Lets migrate take over a schema that another chatmigrate engine tracks, retiring its history; off by default. */
    public ChatmigrateConfiguration switchEngine(boolean on) {
        return explicit(Setting.SWITCH_ENGINE, Boolean.toString(on));
    }

    private ChatmigrateConfiguration explicit(Setting setting, String value) {
        values.put(setting, value, Rank.EXPLICIT, EXPLICIT);
        if (setting == Setting.ENGINE) {
            provider = null;
        }
        return this;
    }

    /** Where the value of {@code setting} came from: {@code explicit}, {@code flag}, a variable, a property, {@code default}, or {@code unset}. */
    public String source(Setting setting) {
        return values.source(setting);
    }

    public String engine() {
        return values.text(Setting.ENGINE).toLowerCase(Locale.ROOT);
    }

    public String schema() {
        return values.text(Setting.SCHEMA);
    }

    public boolean enabled() {
        return values.flag(Setting.ENABLED);
    }

    /** The target version: the latest unless set. */
    public int target() {
        return values.target();
    }

    public Duration connectTimeout() {
        return values.duration(Setting.CONNECT_TIMEOUT);
    }

    public Duration lockTimeout() {
        return values.duration(Setting.LOCK_TIMEOUT);
    }

    public Duration ddlLockTimeout() {
        return values.duration(Setting.DDL_LOCK_TIMEOUT);
    }

    /** Whether migrate may take over a schema another chatmigrate engine tracks (docs/design.md, "Switching engines"). */
    public boolean switchEngine() {
        return values.flag(Setting.SWITCH_ENGINE);
    }

    /** How long migrate waits for the streaming standbys to replay its changes; zero: not at all. */
    public Duration replicaWait() {
        return values.duration(Setting.REPLICA_WAIT);
    }

    /** What adoption may convert, and the zone of zone-less timestamps. */
    public AdoptionOptions adoption() {
        return new AdoptionOptions(values.flag(Setting.CONVERT_IDS), values.flag(Setting.LOWERCASE_ROLES), values.text(Setting.TIMESTAMP_ZONE));
    }

    /** The configured URL with user and password applied, and what parsing it noticed; empty for other databases. */
    public Optional<DatabaseUrl> databaseUrl() {
        return given.url(values);
    }

    /** Whether a database is configured: a data source, a {@link Database} or a URL. */
    public boolean hasDatabase() {
        return given.isConfigured(values);
    }

    /** The configured {@link Chatmigrate}; fails when no database is configured, a value is invalid or the engine is unknown. */
    public Chatmigrate load() {
        if (!hasDatabase()) {
            throw new InvalidConfigurationException("No database is configured: expected a data source or a url.",
                    Setting.DATABASE_URL.key(), "a data source or a url", "none");
        }
        String engine = engine();
        MigrationEngineProvider engineProvider = provider != null ? provider : MigrationEngines.byId(engine);
        DataSource source = given.dataSource(values, Database.applicationName(engine), connectTimeout());
        MigrationSettings settings = new MigrationSettings(engine, source, schema(), connectTimeout(), lockTimeout(), ddlLockTimeout());
        return new Chatmigrate(new MigrationRunner(settings, engineProvider, adoption(), replicaWait()), enabled(), target(), switchEngine());
    }
}
