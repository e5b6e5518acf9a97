package dev.chatmigrate.core;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw value of every {@link Setting} with where it came from. A value from a source of higher {@link Rank}
 * is never replaced by one of lower rank, whatever the order the sources are read in; within one rank the
 * last wins. Typed reads check the value and fail naming the setting, its source, the value and the form expected.
 */
final class SettingValues {

    /** The sources in order of precedence, lowest first (docs/design.md, "Configuration"). */
    enum Rank { DEFAULT, PROPERTIES_FILE, SYSTEM_PROPERTY, ENVIRONMENT, EXPLICIT }

    private record Value(String text, Rank rank, String source) {
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);

    SettingValues() {
        for (Setting setting : Setting.values()) {
            if (setting.defaultValue() != null) {
                values.put(setting, new Value(setting.defaultValue(), Rank.DEFAULT, "default"));
            }
        }
    }

    /** Sets {@code setting} from {@code source}, unless {@code value} is blank or a source of higher rank set it. */
    void put(Setting setting, String value, Rank rank, String source) {
        Value current = values.get(setting);
        if (value == null || value.isBlank() || current != null && current.rank().compareTo(rank) > 0) {
            return;
        }
        values.put(setting, new Value(value.strip(), rank, source));
    }

    /**
     * Every {@code chatmigrate.*} key of {@code properties}; other keys are ignored. An unknown {@code chatmigrate.*} key
     * is refused, naming those that exist, when {@code refuseUnknown} (a file or a map meant for chatmigrate alone).
     */
    void putProperties(Map<?, ?> properties, Rank rank, String source, boolean refuseUnknown) {
        properties.forEach((name, value) -> {
            String key = String.valueOf(name);
            if (key.startsWith(Setting.PROPERTY_PREFIX)) {
                var setting = Setting.byKey(key.substring(Setting.PROPERTY_PREFIX.length()));
                if (setting.isEmpty() && refuseUnknown) {
                    throw unknown(key, source);
                }
                setting.ifPresent(known -> put(known, value == null ? null : String.valueOf(value), rank, (source + " " + key).strip()));
            }
        });
    }

    /** Where the value of {@code setting} came from: {@code flag}, an environment variable, a property, {@code default}, or {@code unset}. */
    String source(Setting setting) {
        Value value = values.get(setting);
        return value == null ? "unset" : value.source();
    }

    /** The value, or {@code null} when the setting has none. */
    String text(Setting setting) {
        Value value = values.get(setting);
        return value == null ? null : value.text();
    }

    boolean flag(Setting setting) {
        return switch (text(setting).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(setting, "true or false");
        };
    }

    /** The target version; the latest for {@code latest}. */
    int target() {
        String value = text(Setting.TARGET);
        if (value.equalsIgnoreCase("latest")) {
            return ChatbotSchema.LATEST_VERSION;
        }
        String expected = "a version from 1 to " + ChatbotSchema.LATEST_VERSION + ", or latest";
        int version;
        try {
            version = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(Setting.TARGET, expected);
        }
        return TargetVersion.require(version, 1, "migrate", source(Setting.TARGET));
    }

    Duration duration(Setting setting) {
        String value = text(setting);
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
                + text(setting) + "': expected " + expected + ".", setting.key(), expected, text(setting));
    }

    private static InvalidConfigurationException unknown(String key, String source) {
        String known = String.join(", ", Arrays.stream(Setting.values()).map(Setting::propertyKey).toList());
        return new InvalidConfigurationException("Unknown setting " + key + (source.isEmpty() ? "" : " in " + source)
                + ": expected one of " + known + ".", key.substring(Setting.PROPERTY_PREFIX.length()), known, key);
    }
}
