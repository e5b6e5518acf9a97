package dev.chatmigrate.cli;

import dev.chatmigrate.schema.ChatbotSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.contract.postgres.FreshDatabase;
import dev.chatmigrate.contract.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher {@code cli/target/chatmigrate}, run as a user runs it: directly, and through a symbolic link. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "chatmigrate").toAbsolutePath();

    /** The JDK running this test, handed to the launcher as {@code JAVA_HOME}. */
    private static final Path JAVA_HOME = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();

    @TempDir
    Path workingDirectory;

    @FreshDatabase
    private TestDatabase database;

    private CommandRun launch(Path launcher, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> withJdk = new HashMap<>(environment);
        withJdk.put("JAVA_HOME", JAVA_HOME.toString());
        return CommandRun.run(command, workingDirectory, withJdk);
    }

    @Test
    @DisplayName("the launcher starts the JVM with only the quick compiler, and adds the options of JAVA_OPTS")
    void oneShotCompilerAndJavaOpts() throws Exception {
        CommandRun version = launch(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).containsPattern("TieredStopAtLevel\\s+=\\s+1\\s").containsPattern("(?m)^chatmigrate \\S+$");
    }

    @Test
    @DisplayName("through a symbolic link elsewhere, the launcher still finds its jar and migrates with Liquibase")
    void migratesThroughSymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(workingDirectory.resolve("chatmigrate"), LAUNCHER);
        String url = database.database().jdbcUrl() + "?user=" + database.database().user();

        CommandRun migrate = launch(link, Map.of("DATABASE_URL", url), "migrate", "--engine", "liquibase");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrated from version 0 to " + ChatbotSchema.LATEST_VERSION);
        Files.delete(link);
    }
}
