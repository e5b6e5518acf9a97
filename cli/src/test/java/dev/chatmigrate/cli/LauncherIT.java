package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.schema.ChatbotSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged launcher {@code cli/target/chatmigrate}, run as a user runs it: directly, through a symbolic
 * link, and with its class-data cache: an application class-data archive on JDK 17 to 24, an AOT cache on
 * JDK 25. The cases of a cache run on both where both are here (JDK 17 to 24: the running JDK or one beside
 * it; JDK 25: {@link Jdks#atLeast}) and are skipped, saying so, for a JDK that is not. The cache directory is
 * always one of the test's ({@code XDG_CACHE_HOME}), never the user's.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "chatmigrate").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    @TempDir
    Path cacheHome;

    @FreshDatabase
    private TestDatabase database;

    private CommandRun launch(Path launcher, Path javaHome, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> withJdk = new HashMap<>(Map.of("JAVA_HOME", javaHome.toString(), "XDG_CACHE_HOME", cacheHome.toString()));
        withJdk.putAll(environment);
        return CommandRun.run(command, workingDirectory, withJdk);
    }

    private CommandRun migrate(Path javaHome, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> withDatabase = new HashMap<>(environment);
        withDatabase.put("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user());
        return launch(LAUNCHER, javaHome, withDatabase, "migrate", "--engine", "liquibase");
    }

    /** A JDK of the cache kind of {@code feature}: 17 (a JDK 17 to 24, class-data archive) or 25 (25 or later, AOT cache). */
    private static Path jdk(int feature) {
        return (feature == 25 ? Jdks.atLeast(25) : Jdks.between(17, 25)).orElseGet(() -> {
            assumeTrue(false, "No JDK " + (feature == 25 ? "25 or later" : "17 to 24") + " here (set CHATMIGRATE_TEST_JDK" + feature
                    + " to one's home): its class-data cache is not tested");
            return null;
        });
    }

    /** The file suffix of the cache the launcher makes on JDK {@code feature}. */
    private static String kind(int feature) {
        return feature == 25 ? ".aot" : ".jsa";
    }

    private List<Path> cacheFiles() throws IOException {
        Path caches = cacheHome.resolve("chatmigrate");
        if (!Files.isDirectory(caches)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(caches)) {
            return files.toList();
        }
    }

    @Test
    @DisplayName("the launcher starts the JVM with the quick compiler only, the serial collector, no performance-data file and native"
            + " reflection, and adds JAVA_OPTS")
    void oneShotSettingsAndJavaOpts() throws Exception {
        CommandRun version = launch(LAUNCHER, Jdks.current(), Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal -XshowSettings:properties"), "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).containsPattern("TieredStopAtLevel\\s+=\\s+1\\s").containsPattern("UseSerialGC\\s+=\\s+true\\s")
                .containsPattern("UsePerfData\\s+=\\s+false\\s").containsPattern("(?m)^chatmigrate \\S+$");
        assertThat(version.err()).contains("jdk.reflect.useNativeAccessorOnly = true");
    }

    @Test
    @DisplayName("a collector chosen in JAVA_OPTS replaces the serial one (the JVM refuses two)")
    void collectorOfJavaOptsWins() throws Exception {
        CommandRun version = launch(LAUNCHER, Jdks.current(), Map.of("JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintFlagsFinal"), "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).containsPattern("UseParallelGC\\s+=\\s+true\\s").containsPattern("UseSerialGC\\s+=\\s+false\\s");
    }

    @Test
    @DisplayName("through a symbolic link elsewhere, the launcher still finds its jar and migrates with Liquibase")
    void migratesThroughSymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(workingDirectory.resolve("chatmigrate"), LAUNCHER);
        String url = database.database().jdbcUrl() + "?user=" + database.database().user();

        CommandRun migrate = launch(link, Jdks.current(), Map.of("DATABASE_URL", url), "migrate", "--engine", "liquibase");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrated from version 0 to " + ChatbotSchema.LATEST_VERSION);
        Files.delete(link);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    @DisplayName("the first migrate leaves a mark, the second records the class-data cache (a .jsa archive before JDK 25, an .aot cache"
            + " on 25), the third starts from it; none says a word about it")
    void thirdRunUsesTheCache(int feature) throws Exception {
        Path jdk = jdk(feature);

        CommandRun first = migrate(jdk, Map.of());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(cacheFiles()).singleElement().satisfies(mark -> assertThat(mark.toString()).endsWith(kind(feature) + ".seen"));

        CommandRun second = migrate(jdk, Map.of());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("is at version " + ChatbotSchema.LATEST_VERSION + ", nothing to apply");
        assertThat(first.out() + first.err() + second.out() + second.err()).doesNotContainIgnoringCase("aot")
                .doesNotContainIgnoringCase("cds").doesNotContainIgnoringCase("warning").doesNotContain("shared");
        Path cache = cacheFiles().stream().filter(file -> file.toString().endsWith(kind(feature))).findFirst().orElseThrow();
        assertThat(cacheFiles()).hasSize(2);
        FileTime made = Files.getLastModifiedTime(cache);
        Path classLog = workingDirectory.resolve("classes.log");

        CommandRun third = migrate(jdk, Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog));

        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(Files.readString(classLog)).contains("dev.chatmigrate.cli.ChatmigrateCommand source: shared objects file")
                .containsPattern("dev\\.chatmigrate\\.adapter\\.liquibase\\.\\w+ source: shared objects file");
        assertThat(cacheFiles()).hasSize(2).contains(cache);
        assertThat(Files.getLastModifiedTime(cache)).isEqualTo(made);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    @DisplayName("with a cache directory that cannot be made (a read-only home), the launcher migrates without a cache and says so in"
            + " one line on the error stream, naming the directory and how to silence it; the JVM says nothing")
    void unwritableCacheDirectoryIsSkippedWithANote(int feature) throws Exception {
        Path jdk = jdk(feature);
        Path notADirectory = Files.writeString(workingDirectory.resolve("a-file"), "");
        Path caches = notADirectory.resolve("cache");
        // a file where the directory should be: even root cannot create the cache under it
        CommandRun migrate = migrate(jdk, Map.of("XDG_CACHE_HOME", caches.toString()));

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrated from version 0 to " + ChatbotSchema.LATEST_VERSION)
                .doesNotContain("class-data").doesNotContainIgnoringCase("aot").doesNotContainIgnoringCase("cds");
        assertThat(migrate.err().lines().filter(line -> line.contains("class-data")).toList()).singleElement().asString()
                .startsWith("chatmigrate: note: no class-data cache, " + caches.resolve("chatmigrate") + " cannot be written")
                .contains("CHATMIGRATE_AOT=off");
        assertThat(migrate.err()).doesNotContainIgnoringCase("warning").doesNotContain("[cds").doesNotContain("[aot");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    @DisplayName("CHATMIGRATE_AOT=off keeps the launcher from recording or using a class-data cache, and from the note of a read-only home")
    void cacheCanBeTurnedOff(int feature) throws Exception {
        Path jdk = jdk(feature);
        Path unwritable = Files.writeString(workingDirectory.resolve("a-file"), "").resolve("cache");

        CommandRun readOnlyHome = migrate(jdk, Map.of("CHATMIGRATE_AOT", "off", "XDG_CACHE_HOME", unwritable.toString()));
        CommandRun second = migrate(jdk, Map.of("CHATMIGRATE_AOT", "off"));
        CommandRun third = migrate(jdk, Map.of("CHATMIGRATE_AOT", "off"));

        assertThat(readOnlyHome.exitCode()).as(readOnlyHome.err()).isZero();
        assertThat(readOnlyHome.err()).doesNotContain("class-data");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(cacheFiles()).isEmpty();
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    @DisplayName("class-data options in JAVA_OPTS (which the JVM refuses beside the launcher's cache) win: no cache, exit 0")
    void classDataOptionsOfTheUserWin(int feature) throws Exception {
        Path jdk = jdk(feature);

        CommandRun first = migrate(jdk, Map.of("JAVA_OPTS", "-Xshare:auto"));
        CommandRun second = migrate(jdk, Map.of("JAVA_OPTS", "-Xshare:auto"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(cacheFiles()).isEmpty();
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    @DisplayName("an image's caches, one per engine recorded by AotTraining beside the jar as cli/Dockerfile does (a .jsa archive before"
            + " JDK 25, an .aot cache on 25), serve each engine's first migration and restart; nothing is written")
    void imageCachesBesideTheJarServeEachEngine(int feature) throws Exception {
        Path jdk = jdk(feature);
        Path image = Files.createDirectories(workingDirectory.resolve("opt"));
        Path launcher = Files.copy(LAUNCHER, image.resolve("chatmigrate"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = Files.copy(LAUNCHER.resolveSibling("chatmigrate.jar"), image.resolve("chatmigrate.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path training = Files.createDirectories(workingDirectory.resolve("training"));

        for (String engine : List.of("flyway", "liquibase", "mybatis")) {
            Path cache = image.resolve("chatmigrate-" + engine + kind(feature));
            String record = feature == 25 ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache;
            CommandRun trained = CommandRun.run(List.of(jdk.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", record,
                    "-cp", jar.toString(), "dev.chatmigrate.cli.AotTraining", engine), training, Map.of("JAVA_HOME", jdk.toString()));
            assertThat(trained.exitCode()).as(trained.err()).isZero();
            assertThat(cache).isRegularFile();

            try (TestDatabase fresh = TestPostgres.server().createDatabase()) {
                String url = fresh.database().jdbcUrl() + "?user=" + fresh.database().user();
                Path firstLog = workingDirectory.resolve(engine + "-first-classes.log");
                Path restartLog = workingDirectory.resolve(engine + "-restart-classes.log");

                CommandRun first = launch(launcher, jdk, Map.of("DATABASE_URL", url, "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + firstLog),
                        "migrate", "--engine", engine);
                CommandRun restart = launch(launcher, jdk, Map.of("DATABASE_URL", url, "CHATMIGRATE_ENGINE", engine,
                        "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + restartLog), "migrate");

                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(first.out()).contains("migrated from version 0 to " + ChatbotSchema.LATEST_VERSION);
                assertThat(Files.readString(firstLog)).as("the classes of %s's first migration come from its cache", engine)
                        .contains("dev.chatmigrate.cli.ChatmigrateCommand source: shared objects file")
                        .containsPattern("dev\\.chatmigrate\\.adapter\\." + engine + "\\.\\w+Engine source: shared objects file");
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                assertThat(restart.out()).contains("is at version " + ChatbotSchema.LATEST_VERSION + ", nothing to apply");
                assertThat(Files.readString(restartLog)).as("the classes of %s's restart (engine from the environment) come from its cache", engine)
                        .contains("picocli.CommandLine source: shared objects file")
                        .containsPattern("dev\\.chatmigrate\\.adapter\\." + engine + "\\.\\w+ source: shared objects file");
            }
        }
        assertThat(cacheFiles()).isEmpty();
    }
}
