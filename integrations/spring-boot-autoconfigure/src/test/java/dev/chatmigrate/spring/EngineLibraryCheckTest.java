package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.spi.MigrationException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The engine library check in real contexts, with a class path that reports Spring Boot's Flyway version. */
class EngineLibraryCheckTest {

    private static final String FLYWAY_POM = "META-INF/maven/org.flywaydb/flyway-core/pom.properties";

    @FreshDatabase
    private TestDatabase database;

    @TempDir
    Path directory;

    /** The test class path, except that flyway-core says it is 11.14.1, as under Spring Boot 4.0's dependency management. */
    private ClassLoader withFlyway11() throws IOException {
        Path pom = Files.writeString(directory.resolve("pom.properties"), "version=11.14.1\n");
        URL replaced = pom.toUri().toURL();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals(FLYWAY_POM) ? replaced : super.getResource(name);
            }
        };
    }

    private ApplicationContextRunner contexts() throws IOException {
        return new ApplicationContextRunner().withClassLoader(withFlyway11())
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ChatmigrateAutoConfiguration.class))
                .withPropertyValues(dataSource(database));
    }

    @Test
    @DisplayName("the versions the adapters were built with are recorded and match the class path of this build")
    void recordedVersionsMatchTheBuild() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(EngineLibrary.recorded(loader)).extracting(EngineLibrary::engineId).containsExactlyInAnyOrder("flyway", "liquibase", "mybatis");
        assertThat(EngineLibrary.recorded(loader)).allSatisfy(library ->
                assertThat(library.versionOnClassPath(loader)).as(library.coordinates()).contains(library.builtWith()));
    }

    @Test
    @DisplayName("the chosen engine's library at another version fails startup, naming the Maven property and the version to set")
    void chosenEngineMismatchFails() throws IOException {
        String builtWith = EngineLibrary.recorded(getClass().getClassLoader()).stream()
                .filter(library -> library.engineId().equals("flyway")).findFirst().orElseThrow().builtWith();
        contexts().withPropertyValues("chatmigrate.engine=flyway").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(MigrationException.class,
                    e -> assertThat(e.kind()).isEqualTo(MigrationException.Kind.BAD_CONFIGURATION))
                    .hasMessageContaining("org.flywaydb:flyway-core 11.14.1")
                    .hasMessageContaining("Set <flyway.version>" + builtWith + "</flyway.version>");
        });
    }

    @Test
    @DisplayName("Liquibase 5 from Spring Boot's dependency management: the report's Action sets <liquibase.version> first, the escape hatch second")
    void liquibase5ActionNamesTheProperty() throws IOException {
        String builtWith = EngineLibrary.recorded(getClass().getClassLoader()).stream()
                .filter(library -> library.engineId().equals("liquibase")).findFirst().orElseThrow().builtWith();
        Path pom = Files.writeString(directory.resolve("liquibase-pom.properties"), "version=5.0.1\n");
        URL replaced = pom.toUri().toURL();
        ClassLoader withLiquibase5 = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals("META-INF/maven/org.liquibase/liquibase-core/pom.properties") ? replaced : super.getResource(name);
            }
        };
        new ApplicationContextRunner().withClassLoader(withLiquibase5)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ChatmigrateAutoConfiguration.class))
                .withPropertyValues(dataSource(database)).withPropertyValues("chatmigrate.engine=liquibase").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("BAD_CONFIGURATION: ").contains("org.liquibase:liquibase-core 5.0.1")
                            .contains("not under Apache-2.0");
                    String property = "<liquibase.version>" + builtWith + "</liquibase.version>";
                    assertThat(analysis.getAction()).contains(property).contains("chatmigrate.engine-library-check=warn");
                    assertThat(analysis.getAction().indexOf(property)).isLessThan(analysis.getAction().indexOf("engine-library-check"));
                });
    }

    @Test
    @DisplayName("engine-library-check=warn starts anyway")
    void warnStarts() throws IOException {
        contexts().withPropertyValues("chatmigrate.engine=flyway", "chatmigrate.engine-library-check=warn")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    @DisplayName("another engine's library at another version only warns")
    void otherEngineWarns() throws IOException {
        contexts().withPropertyValues("chatmigrate.engine=mybatis").run(context -> assertThat(context).hasNotFailed());
    }
}
