package dev.chatmigrate.benchmarks;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs each benchmark's setup, benchmark method and teardown once as plain calls against the test
 * PostgreSQL, for every engine on the class path: proves that states are prepared, migrations are
 * verified and databases are reset. It times nothing; JMH never runs in the build.
 */
@DisplayName("Benchmarks")
class BenchmarksSmokeTest {

    /** {@code jdbc} and every adapter on the class path: a new adapter is covered without a change here. */
    static List<String> engines() {
        return MigrationEngines.measuredIds();
    }

    static Stream<Arguments> enginesAndStates() {
        return engines().stream().flatMap(engine -> DatabaseState.MEASURED.stream().map(state -> Arguments.of(engine, state)));
    }

    static Stream<Arguments> wholeProcessCases() {
        return MigrationEngines.ids().stream()
                .flatMap(engine -> paramValues(WholeProcessBenchmark.class, "jvm").stream().map(jvm -> Arguments.of(engine, jvm)));
    }

    /** The values of a benchmark's {@code @Param} field. */
    static List<String> paramValues(Class<?> benchmark, String field) {
        try {
            return List.of(benchmark.getDeclaredField(field).getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(benchmark.getSimpleName() + " has no parameter " + field, e);
        }
    }

    @Nested
    @DisplayName("engine parameters")
    class EngineParameters {

        @Test
        @DisplayName("name every adapter on the class path, so none is silently left out")
        void everyAdapterIsAParameter() {
            assertThat(paramValues(ColdMigrateBenchmark.class, "engine")).containsAll(engines());
            assertThat(paramValues(WarmMigrateBenchmark.class, "engine")).containsAll(engines());
            assertThat(paramValues(IndexBuildUnderLoadBenchmark.class, "migration")).containsAll(engines());
            assertThat(paramValues(WholeProcessBenchmark.class, "engine")).containsAll(MigrationEngines.ids());
        }

        @Test
        @DisplayName("fail for an engine that is not on the class path, saying how to add it or leave it out")
        void missingAdapterFailsClearly() {
            assertThatThrownBy(() -> BenchEngine.named("no-such-engine"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Engine 'no-such-engine' is not on the benchmarks' class path")
                    .hasMessageContaining("benchmarks/pom.xml")
                    .hasMessageContaining("-p engine=jdbc," + String.join(",", MigrationEngines.ids()));
        }

    }

    @Nested
    @DisplayName("ColdMigrateBenchmark")
    class Cold {

        @ParameterizedTest(name = "{0} from {1}")
        @MethodSource("dev.chatmigrate.benchmarks.BenchmarksSmokeTest#enginesAndStates")
        @DisplayName("migrates a prepared database to the latest version and verifies it")
        void migratesAndVerifies(String engine, DatabaseState state) {
            ColdMigrateBenchmark benchmark = new ColdMigrateBenchmark();
            benchmark.engine = engine;
            benchmark.state = state;

            benchmark.prepareDatabase();
            MigrationReport report = benchmark.migrate();
            benchmark.verifyAndDrop();

            assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(report.steps().isEmpty()).isEqualTo(state == DatabaseState.COMPLETE);
        }
    }

    @Nested
    @DisplayName("WarmMigrateBenchmark")
    class Warm {

        @ParameterizedTest(name = "{0} from {1}")
        @MethodSource("dev.chatmigrate.benchmarks.BenchmarksSmokeTest#enginesAndStates")
        @DisplayName("prepares, migrates and verifies two invocations in a row")
        void twoInvocations(String engine, DatabaseState state) {
            WarmMigrateBenchmark benchmark = new WarmMigrateBenchmark();
            benchmark.engine = engine;
            benchmark.state = state;
            benchmark.findEngine();
            try {
                for (int invocation = 0; invocation < 2; invocation++) {
                    benchmark.prepareDatabase();
                    assertThat(benchmark.migrate().versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                    benchmark.verify();
                }
            } finally {
                benchmark.dropDatabase();
            }
        }
    }

    @Nested
    @DisplayName("IndexBuildUnderLoadBenchmark")
    class IndexBuild {

        static Stream<String> migrations() {
            return Stream.concat(engines().stream(), Stream.of(IndexBuildUnderLoadBenchmark.PLAIN_CREATE_INDEX));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("migrations")
        @DisplayName("builds version 4 twice on a loaded table while the writer inserts, going back to version 3 in between")
        void buildsTwice(String migration) throws SQLException {
            IndexBuildUnderLoadBenchmark benchmark = new IndexBuildUnderLoadBenchmark();
            benchmark.migration = migration;
            benchmark.rows = 2_000;
            benchmark.insertsPerSecond = 0;
            IndexBuildUnderLoadBenchmark.WriterCounters counters = new IndexBuildUnderLoadBenchmark.WriterCounters();
            benchmark.loadMessages();
            // Only the lifecycle: what the writer counts is MessageWriterTest's subject (a build of 2,000 rows
            // can be over before a loaded machine schedules the writer).
            try {
                for (int build = 0; build < 2; build++) {
                    benchmark.openWriterWindow();
                    benchmark.buildIndex();
                    benchmark.afterBuild(counters, 1); // verifies version 4, goes back to 3 and verifies that
                }
            } finally {
                benchmark.dropDatabase();
            }
        }
    }

    @Nested
    @DisplayName("process benchmarks")
    class Processes {

        @ParameterizedTest(name = "{0}, {1}")
        @MethodSource("dev.chatmigrate.benchmarks.BenchmarksSmokeTest#wholeProcessCases")
        @DisplayName("WholeProcessBenchmark runs chatmigrate migrate, with java -jar and with the launcher, to exit 0 and verifies the schema")
        void wholeProcess(String engine, String jvm) {
            Path jar = Path.of("..", "cli", "target", "chatmigrate.jar");
            assumeTrue(Files.isRegularFile(jar) && Files.isExecutable(jar.resolveSibling("chatmigrate")),
                    "cli/target/chatmigrate.jar and its launcher are not built (./mvnw -q -DskipTests package builds them)");
            System.setProperty(CliJar.PROPERTY, jar.toString());
            try {
                WholeProcessBenchmark benchmark = new WholeProcessBenchmark();
                benchmark.engine = engine;
                benchmark.jvm = jvm;
                benchmark.state = DatabaseState.PARTIAL;

                benchmark.findJarAndEngine();
                benchmark.prepareDatabase();
                benchmark.migrateProcess();
                benchmark.verifyAndDrop();
            } finally {
                System.clearProperty(CliJar.PROPERTY);
            }
        }

        @Test
        @DisplayName("JvmStartBenchmark starts and stops a bare JVM")
        void bareJvm() {
            JvmStartBenchmark benchmark = new JvmStartBenchmark();
            benchmark.command = "java-version";
            benchmark.prepareCommand();
            benchmark.startAndExit();
        }

        @Test
        @DisplayName("fail with a message saying how to build chatmigrate.jar when it is absent")
        void missingJarFailsClearly() {
            System.setProperty(CliJar.PROPERTY, "no/such/chatmigrate.jar");
            try {
                assertThatThrownBy(CliJar::locate).hasMessageContaining("Skipped: no chatmigrate.jar at")
                        .hasMessageContaining("./mvnw -q -DskipTests package");
            } finally {
                System.clearProperty(CliJar.PROPERTY);
            }
        }
    }
}
