package dev.chatmigrate.testing.online;

import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chatbot's side of an online-migration test: a writer that inserts messages back to back on its own
 * connection ({@code application_name} {@value #WRITER}), and a long reader ({@value #READER}) that keeps a
 * transaction open after reading {@code messages}, holding its ACCESS SHARE lock as a report or an analytics
 * query does.
 */
public final class ChatbotLoad {

    public static final String WRITER = "chatbot-writer";
    public static final String READER = "long-reader";

    private ChatbotLoad() {
    }

    /** A writer thread, inserting into the first conversation of {@link dev.chatmigrate.testing.states.SampleRows#insertConversations} until closed. */
    public static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final Thread thread;
        private final AtomicLong inserted = new AtomicLong();
        private volatile boolean running = true;
        private volatile SQLException failure;

        private Writer(Connection connection) {
            this.connection = connection;
            this.thread = new Thread(this::run, WRITER);
            thread.setDaemon(true);
        }

        public static Writer start(TestDatabase database) throws SQLException {
            Writer writer = new Writer(database.database().open(WRITER, Duration.ofSeconds(10)));
            writer.thread.start();
            return writer;
        }

        private void run() {
            try (Statement statement = connection.createStatement()) {
                while (running) {
                    statement.executeUpdate("insert into messages (conversation_id, role, content)"
                            + " values ('11111111-1111-1111-1111-111111111111', 'user', 'written during the migration')");
                    inserted.incrementAndGet();
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Rows inserted so far; throws if an insert failed. */
        public long inserted() {
            if (failure != null) {
                throw new IllegalStateException("the writer's insert failed: " + failure.getMessage(), failure);
            }
            return inserted.get();
        }

        @Override
        public void close() throws SQLException {
            running = false;
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.close();
        }
    }

    /** Opens a reader's transaction that has read {@code messages} and stays open until the connection is closed. */
    public static Connection longReader(TestDatabase database) throws SQLException {
        Connection reader = database.database().open(READER, Duration.ofSeconds(10));
        reader.setAutoCommit(false);
        try (Statement statement = reader.createStatement(); ResultSet count = statement.executeQuery("select count(*) from messages")) {
            count.next();
        }
        return reader;
    }

    /** The server process id of {@code connection}. */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }
}
