package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationConfiguration;
import dev.chatmigrate.core.Setting;
import java.util.EnumMap;
import java.util.Map;

/** Turns the command line into a {@link MigrationConfiguration}: flags first, then the usual sources. */
final class Commands {

    private Commands() {
    }

    /** The configuration with the root's flags, plus {@code extra} (when its value is not {@code null}). */
    static MigrationConfiguration configuration(ChatmigrateCommand root, Setting extra, String extraValue) {
        CliLogging.verbose(root.verbose);
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        putIfSet(flags, Setting.ENGINE, root.engine);
        putIfSet(flags, Setting.DATABASE_URL, root.url);
        putIfSet(flags, Setting.SCHEMA, root.schema);
        putIfSet(flags, Setting.CONVERT_IDS, root.convertIds == null ? null : root.convertIds.toString());
        putIfSet(flags, Setting.LOWERCASE_ROLES, root.lowercaseRoles == null ? null : root.lowercaseRoles.toString());
        putIfSet(flags, Setting.TIMESTAMP_ZONE, root.timestampZone);
        if (extra != null) {
            putIfSet(flags, extra, extraValue);
        }
        return MigrationConfiguration.load(flags, root.environment);
    }

    private static void putIfSet(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
