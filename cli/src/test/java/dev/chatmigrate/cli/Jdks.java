package dev.chatmigrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JDKs on this machine for tests that run the launcher on more than one: the JDK running the test, and others
 * found by {@code CHATMIGRATE_TEST_JDK<major>} (a JDK's home) or next to the running one's home, as
 * package managers, SDKMAN and CI set-ups install them.
 */
final class Jdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /** The home of the JDK running this test. */
    static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The feature version (17, 25) of the JDK at {@code home}, from its {@code release} file; 0 when it has none. */
    static int major(Path home) {
        try {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) {
                return 0;
            }
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK whose feature version is at least {@code minimum}: the running one, {@code CHATMIGRATE_TEST_JDK<minimum>}, or a sibling. */
    static Optional<Path> atLeast(int minimum) {
        return between(minimum, Integer.MAX_VALUE);
    }

    /**
     * A JDK whose feature version is {@code minimum} or more and less than {@code limit}: the running one,
     * {@code CHATMIGRATE_TEST_JDK<minimum>}, or a sibling.
     */
    static Optional<Path> between(int minimum, int limit) {
        if (fits(current(), minimum, limit)) {
            return Optional.of(current());
        }
        String configured = System.getenv("CHATMIGRATE_TEST_JDK" + minimum);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(home -> fits(home, minimum, limit));
        }
        Path siblings = current().toAbsolutePath().getParent();
        try (Stream<Path> homes = Files.list(siblings)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && fits(home, minimum, limit))
                    .min(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean fits(Path home, int minimum, int limit) {
        int major = major(home);
        return major >= minimum && major < limit;
    }
}
