package dev.chatmigrate.cli.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's class-data caches are one per engine ({@code chatmigrate-ENGINE.jsa} or {@code .aot}, beside the jar or
 * in the user's cache directory, cli/src/main/sh/chatmigrate), and {@code compare} runs under the one of its own
 * engine, Flyway's by default. Its forked JVMs each migrate with one engine, so each gets that engine's cache.
 */
final class ClassDataCache {

    private static final Pattern CACHE_OPTION = Pattern.compile("(-XX:(?:SharedArchiveFile|AOTCache)=.*chatmigrate-(?:[^/]*?-)?)([a-z0-9_]+)"
            + "((?:-\\d+)?\\.(?:jsa|aot))");

    private ClassDataCache() {
    }

    /** {@code option} naming {@code engine}'s cache instead of another engine's, when it is such an option and that cache exists. */
    static String forEngine(String option, String engine) {
        Matcher matcher = CACHE_OPTION.matcher(option);
        if (!matcher.matches()) {
            return option;
        }
        String other = matcher.group(1) + engine + matcher.group(3);
        return Files.isRegularFile(Path.of(other.substring(other.indexOf('=') + 1))) ? other : option;
    }
}
