package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Liquibase 4.33 fetches its analytics configuration from the internet and reports usage, unless told
 * not to; it also prints to stdout. Each case runs {@link OutboundConnectionProbe} in a fresh JVM
 * (Liquibase caches the analytics decision per JVM), with {@code -Dliquibase.analytics.enabled=true}
 * as a deployment might set it. Plain Liquibase shows that the probe sees what it must; the adapter
 * must then show nothing.
 */
class NoNetworkTest {

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("the probe catches plain Liquibase calling its analytics endpoint and writing to stdout")
    void probeCatchesPlainLiquibase() throws Exception {
        List<String> report = probe("plain-liquibase");

        assertThat(report).anySatisfy(line -> assertThat(line).startsWith("OUTBOUND ").contains("liquibase.com"));
        assertThat(report).noneMatch(line -> line.equals("STDOUT-BYTES 0"));
    }

    @Test
    @DisplayName("the adapter migrates without any outbound connection but the database's, and writes nothing to stdout")
    void adapterStaysOfflineAndQuiet() throws Exception {
        List<String> report = probe("adapter");

        assertThat(report).filteredOn(line -> line.startsWith("OUTBOUND ")).isEmpty();
        assertThat(report).contains("STDOUT-BYTES 0");
    }

    private List<String> probe(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dliquibase.analytics.enabled=true", "-Dlogback.configurationFile=logback-probe.xml",
                OutboundConnectionProbe.class.getName(), mode, database.database().jdbcUrl(), database.database().user())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("probe finished").isTrue();
        assertThat(process.exitValue()).as("probe exit code; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
