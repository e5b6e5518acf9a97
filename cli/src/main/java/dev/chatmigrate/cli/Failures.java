package dev.chatmigrate.cli;

import dev.chatmigrate.core.adoption.AdoptionConflictException;
import dev.chatmigrate.core.Setting;
import dev.chatmigrate.spi.MigrationException;
import java.util.Map;

/**
 * The command's side of a {@link MigrationException}: the exit code for its kind, and advice in the
 * command's own terms (flags and environment variables) for the setting it names.
 */
public final class Failures {

    /** Exit code of a step that failed, and of anything that is not a {@link MigrationException}. */
    static final int STEP_FAILED = 1;

    private static final Map<MigrationException.Kind, Integer> EXIT_CODES = Map.of(
            MigrationException.Kind.STEP_FAILED, STEP_FAILED,
            MigrationException.Kind.UNKNOWN_ENGINE, 2,
            MigrationException.Kind.BAD_CONFIGURATION, 2,
            MigrationException.Kind.CANNOT_CONNECT, 3,
            MigrationException.Kind.SCHEMA_CONFLICT, 4,
            MigrationException.Kind.DISABLED_BEHIND, 4,
            MigrationException.Kind.LOCK_TIMEOUT, 5,
            MigrationException.Kind.REFUSED_DATA_LOSS, 6,
            MigrationException.Kind.STANDBYS_BEHIND, 7);

    private Failures() {
    }

    static int exitCode(Throwable failure) {
        return failure instanceof MigrationException e ? exitCode(e.kind()) : STEP_FAILED;
    }

    public static int exitCode(MigrationException.Kind kind) {
        return EXIT_CODES.get(kind);
    }

    /** The advice to print after the library's message, or an empty string. */
    static String advice(Throwable failure) {
        if (!(failure instanceof MigrationException e)) {
            return "";
        }
        return switch (e.kind()) {
            case REFUSED_DATA_LOSS -> "Pass --allow-data-loss to downgrade anyway.";
            case SCHEMA_CONFLICT -> e instanceof AdoptionConflictException adoption && !adoption.settings().isEmpty()
                    ? conversions(adoption.settings()) + " See docs/troubleshooting.md."
                    : "See docs/troubleshooting.md; --schema (CHATMIGRATE_SCHEMA) selects another schema.";
            default -> e.setting().map(Failures::where).orElse("");
        };
    }

    /** Which flags would convert what adoption refused, such as {@code Pass --convert-ids (CHATMIGRATE_CONVERT_IDS) to convert them ...}. */
    static String conversions(java.util.List<String> settings) {
        return "To convert what was refused, pass " + String.join(" and ", settings.stream()
                .map(Setting::byKey).flatMap(java.util.Optional::stream)
                .map(setting -> setting.flag().orElseThrow() + " (" + setting.environmentVariable() + "=true)").toList())
                + " after reading chatmigrate plan with the same flags; values change, so back up the database first.";
    }

    /** How to set {@code key} from the command: its flag and variable, such as {@code Set --schema or CHATMIGRATE_SCHEMA.} */
    static String where(String key) {
        if (key.equals("password") || key.equals("user")) {
            return "Set DATABASE_USER and DATABASE_PASSWORD, or the user:password part of --url or DATABASE_URL.";
        }
        return Setting.byKey(key)
                .map(setting -> "Set " + setting.flag().map(flag -> flag + " or ").orElse("") + setting.environmentVariable() + ".")
                .orElse("");
    }
}
