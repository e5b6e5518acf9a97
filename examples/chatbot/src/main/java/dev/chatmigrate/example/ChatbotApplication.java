package dev.chatmigrate.example;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.core.MigrationConfiguration;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chatbot example service. {@link #start(Map)} reads the chatmigrate settings (engine, database,
 * {@code CHATMIGRATE_ENABLED}, ...), migrates the schema, opens the connection pool and serves the API
 * on {@code PORT}; {@link #close()} stops serving, then closes the pool.
 *
 * <pre>{@code
 * DATABASE_URL='postgresql://user:password@host/db?sslmode=require' java -jar chatbot-example.jar
 * }</pre>
 */
public final class ChatbotApplication implements AutoCloseable {

    /** The environment variable with the port to listen on; {@code 0} picks a free one. */
    public static final String PORT = "PORT";

    /** The port Hugging Face Spaces expects by default ({@code app_port: 7860}). */
    public static final int DEFAULT_PORT = 7860;

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotApplication.class);

    private final HikariDataSource pool;
    private final ChatbotServer server;
    private final int schemaVersion;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChatbotApplication(HikariDataSource pool, ChatbotServer server, int schemaVersion) {
        this.pool = pool;
        this.server = server;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Starts the service with the process environment and stops it on SIGTERM. A failure to start is
     * logged in one line and ends the process with the exit code of the {@code chatmigrate} command
     * (2 configuration, 3 cannot connect, 4 schema conflict or not ready, 5 lock timeout, 1 otherwise).
     */
    public static void main(String[] args) {
        try {
            ChatbotApplication application = start(System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(application::close, "chatbot-shutdown"));
        } catch (MigrationException e) {
            LOG.error("Cannot start: {}", Secrets.redact(e.getMessage()));
            System.exit(exitCode(e.kind()));
        } catch (RuntimeException e) {
            LOG.error("Cannot start: {}", Secrets.redact(e.getMessage()), e);
            System.exit(1);
        }
    }

    /**
     * Starts the service with {@code environment} in place of the process environment (system
     * properties and {@code chatmigrate.properties} still apply, as for the command).
     *
     * @throws MigrationException when the configuration is invalid, the database cannot be reached,
     *                            the migration fails or the schema is too old to serve
     */
    public static ChatbotApplication start(Map<String, String> environment) {
        int port = port(environment);
        MigrationConfiguration configuration = MigrationConfiguration.load(Map.of(), environment);
        DatabaseUrl url = configuration.database().orElseThrow(() -> new InvalidConfigurationException(
                "No database is configured: the chatbot example needs DATABASE_URL, such as"
                        + " postgresql://{user}:{password}@{host}/{database}?sslmode=require or jdbc:postgresql://{host}/{database}."));
        url.notices().forEach(LOG::info);
        HikariDataSource pool = ConnectionPool.open(url.database(), configuration.schema());
        try {
            Chatmigrate chatmigrate = Chatmigrate.configure().apply(configuration).dataSource(pool).load();
            MigrationSettings settings = chatmigrate.settings();
            int schemaVersion = SchemaStartup.prepare(configuration, chatmigrate);
            SchemaStartup.reportDrift(pool, settings.schema(), schemaVersion);
            ChatbotServer server = ChatbotServer.start(port, new ChatbotRoutes(new ConversationStore(pool), schemaVersion));
            LOG.info("Chatbot example listening on port {} (schema {} at version {})", server.port(), settings.schema(), schemaVersion);
            return new ChatbotApplication(pool, server, schemaVersion);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The exit codes of the {@code chatmigrate} command, so that both fail the same way. */
    private static int exitCode(MigrationException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_ENGINE, BAD_CONFIGURATION -> 2;
            case CANNOT_CONNECT -> 3;
            case SCHEMA_CONFLICT -> 4;
            case LOCK_TIMEOUT -> 5;
            case REFUSED_DATA_LOSS -> 6;
            case STEP_FAILED -> 1;
        };
    }

    private static int port(Map<String, String> environment) {
        String value = environment.get(PORT);
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new InvalidConfigurationException("The setting " + PORT + " is '" + value + "': expected a port number from 0 to 65535"
                + " (" + DEFAULT_PORT + " when unset, as Hugging Face Spaces expects).");
    }

    /** The port the service listens on (the one picked when {@code PORT} was {@code 0}). */
    public int port() {
        return server.port();
    }

    /** The schema version the service started on: migrated to, or read from the engine when migrations are disabled. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Stops accepting requests, lets running ones finish (briefly), then closes the pool. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop();
            pool.close();
            LOG.info("Chatbot example stopped");
        }
    }
}
