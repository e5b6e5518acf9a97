package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.schema.ChatbotSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/chatbot-example.jar}, run with {@code java -jar} in its own process as the
 * Docker image runs it: the Spring Boot jar finds the engine, migrates, serves, and stops gracefully on SIGTERM.
 */
class ChatbotJarIT {

    private static final Path JAR = Path.of("target", "chatbot-example.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path workingDirectory;

    /** The process with its output collected line by line; {@link #port()} waits for the listening line. */
    private static final class Service {

        final Process process;
        final List<String> lines = new ArrayList<>();
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread reader = new Thread(this::read, "chatbot-jar-output");

        Service(Process process) {
            this.process = process;
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the service ended before listening:\n" + output()));
        }

        int port() throws Exception {
            return port.get(120, TimeUnit.SECONDS);
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** Waits for the process to end and its output to be read to the end. */
        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service ended").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(60));
            return process.exitValue();
        }
    }

    private Service launch(Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-jar", JAR.toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CHATMIGRATE_") || name.startsWith("DATABASE_") || name.equals("PORT")
                || name.startsWith("OPENAI_") || name.startsWith("CHATBOT_"));
        builder.environment().putAll(environment);
        return new Service(builder.start());
    }

    @Test
    @DisplayName("java -jar migrates an empty database with the engine of CHATMIGRATE_ENGINE, serves the API, and stops gracefully on SIGTERM")
    void servesAndStops() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            Map<String, String> environment = new java.util.HashMap<>(Map.of("DATABASE_URL", database.database().jdbcUrl(), "PORT", "0",
                    "CHATMIGRATE_ENGINE", "mybatis"));
            if (database.database().user() != null) {
                environment.put("DATABASE_USER", database.database().user());
            }
            if (database.database().password() != null) {
                environment.put("DATABASE_PASSWORD", database.database().password());
            }
            Service service = launch(environment);
            try {
                ChatbotClient client = new ChatbotClient(service.port());

                Reply health = client.get("/actuator/health");
                Reply created = client.post("/api/conversations", "{\"userId\": \"alice\"}");

                assertThat(health.status()).as(service.output()).isEqualTo(200);
                assertThat(health.json().at("/components/chatmigrate/details/version").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                assertThat(created.status()).isEqualTo(201);
            } finally {
                service.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we still read
            }
            assertThat(service.exitCode()).as("exit code after SIGTERM").isEqualTo(143);
            assertThat(service.output())
                    .contains("mybatis: schema public migrated from version 0 to " + ChatbotSchema.LATEST_VERSION)
                    .contains("Graceful shutdown complete");
        }
    }

    @Test
    @DisplayName("without DATABASE_URL, java -jar fails to start, naming the kind and DATABASE_URL, without a stack trace")
    void noDatabase() throws Exception {
        Service service = launch(Map.of("PORT", "0"));

        assertThat(service.exitCode()).isEqualTo(1);
        assertThat(service.output()).contains("APPLICATION FAILED TO START")
                .contains("BAD_CONFIGURATION: chatmigrate could not prepare the database schema at startup: No database is configured:"
                        + " the chatbot example needs DATABASE_URL")
                .doesNotContain("\tat ");
    }
}
