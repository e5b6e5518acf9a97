package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished process of the packaged command: its exit code and both streams. */
record CommandRun(int exitCode, String out, String err) {

    /**
     * Runs {@code command} in {@code directory} to completion (at most two minutes), with an environment
     * cleaned of inherited {@code CHATMIGRATE_*}, {@code DATABASE_*} and {@code JAVA_*} variables plus
     * {@code environment}; the streams go to files there, so the process never blocks on a pipe.
     */
    static CommandRun run(List<String> command, Path directory, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHATMIGRATE_") || name.startsWith("DATABASE_") || name.startsWith("JAVA_"));
        builder.environment().putAll(environment);
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
