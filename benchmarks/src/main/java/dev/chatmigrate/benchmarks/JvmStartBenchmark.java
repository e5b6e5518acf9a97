package dev.chatmigrate.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link WholeProcessBenchmark}: {@code java -version} (a bare JVM start and exit) and
 * {@code java -jar chatmigrate.jar --version} (JVM start plus the command's own start-up, no database).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Thread)
public class JvmStartBenchmark {

    @Param({"java-version", "chatmigrate-version"})
    String command;

    private JavaProcess process;

    @Setup(Level.Trial)
    public void prepareCommand() {
        List<String> arguments = switch (command) {
            case "java-version" -> List.of("-version");
            case "chatmigrate-version" -> List.of("-jar", CliJar.locate().toString(), "--version");
            default -> throw new IllegalArgumentException("Unknown command '" + command + "'; expected java-version or chatmigrate-version");
        };
        process = JavaProcess.of(arguments, Map.of());
    }

    @Benchmark
    public void startAndExit() {
        process.run();
    }
}
