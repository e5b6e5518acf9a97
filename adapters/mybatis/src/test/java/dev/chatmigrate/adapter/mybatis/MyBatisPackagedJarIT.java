package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs at {@code verify}, against the packaged jar: Failsafe puts {@code target/*.jar} on the class path
 * instead of {@code target/classes}, so the provider, the engine and the scripts all come from inside it,
 * as they do in an application deployed on a read-only file system.
 */
class MyBatisPackagedJarIT {

    @Test
    @DisplayName("the provider found by id migrates EMPTY to the latest version with scripts read from inside the packaged jar")
    void migratesWithScriptsFromThePackagedJar() throws Exception {
        Path packagedJar = Path.of(System.getProperty("chatmigrate.mybatis.jar")).toAbsolutePath();
        MigrationEngineProvider provider = MigrationEngines.byId("mybatis");
        URL script = provider.getClass().getClassLoader().getResource(MyBatisEngine.SCRIPTS + "/" + MyBatisEngine.SCRIPT_NAMES.get(1));

        assertThat(Path.of(provider.getClass().getProtectionDomain().getCodeSource().getLocation().toURI())).isEqualTo(packagedJar);
        assertThat(script).isNotNull();
        assertThat(script.getProtocol()).isEqualTo("jar");
        assertThat(Path.of(((JarURLConnection) script.openConnection()).getJarFileURL().toURI())).isEqualTo(packagedJar);

        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            MigrationReport report = new MigrationRunner(database.settings(provider.id()), provider).migrate();

            assertThat(report.steps()).extracting(AppliedStep::version).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).boxed().toList());
            try (Connection connection = database.connect()) {
                assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
            }
        }
    }
}
