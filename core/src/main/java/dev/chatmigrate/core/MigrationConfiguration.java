package dev.chatmigrate.core;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chatmigrate settings resolved from their sources, first match wins: flags, environment,
 * system properties, {@code chatmigrate.properties} (working directory, else class path), defaults.
 * Every accessor checks its value and fails with an {@link InvalidConfigurationException} that names
 * the source, the value found and the form expected.
 */
public final class MigrationConfiguration {

    /** The file name looked up in the working directory and on the class path. */
    public static final String PROPERTIES_FILE = "chatmigrate.properties";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<Setting, String> sources = new EnumMap<>(Setting.class);

    private MigrationConfiguration(Map<Setting, String> flags, Map<String, String> environment, Properties systemProperties, Properties file) {
        for (Setting setting : Setting.values()) {
            pick(setting, flags.get(setting), "flag")
                    .or(() -> pick(setting, environment.get(setting.environmentVariable()), setting.environmentVariable()))
                    .or(() -> pick(setting, systemProperties.getProperty(setting.propertyKey()), "system property " + setting.propertyKey()))
                    .or(() -> pick(setting, file.getProperty(setting.propertyKey()), PROPERTIES_FILE + " " + setting.propertyKey()))
                    .or(() -> pick(setting, setting.defaultValue(), "default"));
        }
    }

    private Optional<String> pick(Setting setting, String value, String source) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        values.put(setting, value.strip());
        sources.put(setting, source);
        return Optional.of(value);
    }

    /** Resolves against this process: its environment, system properties and {@code chatmigrate.properties}. */
    public static MigrationConfiguration load(Map<Setting, String> flags) {
        return load(flags, System.getenv());
    }

    /** Resolves against {@code environment} instead of this process's, with system properties and the file as usual. */
    public static MigrationConfiguration load(Map<Setting, String> flags, Map<String, String> environment) {
        return of(flags, environment, System.getProperties(), propertiesFile());
    }

    /** Resolves against the given sources; for tests and embedding applications. */
    public static MigrationConfiguration of(Map<Setting, String> flags, Map<String, String> environment, Properties systemProperties, Properties file) {
        return new MigrationConfiguration(flags, environment, systemProperties, file);
    }

    private static Properties propertiesFile() {
        Properties properties = new Properties();
        Path local = Path.of(PROPERTIES_FILE);
        try (InputStream in = Files.isRegularFile(local) ? Files.newInputStream(local)
                : MigrationConfiguration.class.getClassLoader().getResourceAsStream(PROPERTIES_FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROPERTIES_FILE, e);
        }
        return properties;
    }

    public String engine() {
        return values.get(Setting.ENGINE).toLowerCase(Locale.ROOT);
    }

    /** Whether migrations run at all; {@code CHATMIGRATE_ENABLED=false} turns them off per environment. */
    public boolean enabled() {
        return flag(Setting.ENABLED);
    }

    /** Whether adoption may turn integer ids into uuids ({@code CHATMIGRATE_CONVERT_IDS}). */
    public boolean convertIds() {
        return flag(Setting.CONVERT_IDS);
    }

    /** Whether adoption may turn roles that differ only in letter case into canonical ones ({@code CHATMIGRATE_LOWERCASE_ROLES}). */
    public boolean lowercaseRoles() {
        return flag(Setting.LOWERCASE_ROLES);
    }

    /** The zone in which adoption reads zone-less timestamps ({@code CHATMIGRATE_TIMESTAMP_ZONE}, default UTC). */
    public String timestampZone() {
        return values.get(Setting.TIMESTAMP_ZONE);
    }

    /** What adoption may convert, and the zone of zone-less timestamps. */
    public AdoptionOptions adoption() {
        return new AdoptionOptions(convertIds(), lowercaseRoles(), timestampZone());
    }

    private boolean flag(Setting setting) {
        String value = values.get(setting).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(setting, "true or false");
        };
    }

    /** The target version, empty for the latest. */
    public OptionalInt target() {
        String value = values.get(Setting.TARGET);
        if (value == null || value.equalsIgnoreCase("latest")) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw invalid(Setting.TARGET, "a version number from 1 to " + ChatbotSchema.LATEST_VERSION + ", or latest");
        }
    }

    public String schema() {
        return values.get(Setting.SCHEMA);
    }

    public Duration connectTimeout() {
        return duration(Setting.CONNECT_TIMEOUT);
    }

    public Duration lockTimeout() {
        return duration(Setting.LOCK_TIMEOUT);
    }

    public Duration ddlLockTimeout() {
        return duration(Setting.DDL_LOCK_TIMEOUT);
    }

    /** The configured database with user and password applied, or empty when none is configured. */
    public Optional<DatabaseUrl> database() {
        String url = values.get(Setting.DATABASE_URL);
        if (url == null) {
            return Optional.empty();
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        Database database = parsed.database().withCredentials(values.get(Setting.DATABASE_USER), values.get(Setting.DATABASE_PASSWORD));
        return Optional.of(new DatabaseUrl(database, parsed.notices()));
    }

    /** The settings for running against {@code database}. */
    public MigrationSettings settings(Database database) {
        return new MigrationSettings(engine(), database.dataSource(Database.applicationName(engine()), connectTimeout()), schema(),
                connectTimeout(), lockTimeout(), ddlLockTimeout());
    }

    /** Where the value of {@code setting} came from: {@code flag}, an environment variable, a property or {@code default}. */
    public String source(Setting setting) {
        return sources.getOrDefault(setting, "unset");
    }

    private Duration duration(Setting setting) {
        String value = values.get(setting);
        Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid(setting, "a duration such as 500ms, 60s, 2m or PT1M");
        }
    }

    private InvalidConfigurationException invalid(Setting setting, String expected) {
        return new InvalidConfigurationException("The setting " + setting.key() + " (from " + source(setting) + ") is '"
                + values.get(setting) + "': expected " + expected + ".", setting.key(), expected, values.get(setting));
    }
}
