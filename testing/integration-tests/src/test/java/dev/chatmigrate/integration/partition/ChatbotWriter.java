package dev.chatmigrate.integration.partition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chatbot writing {@code messages} while the conversion runs: inserts, updates that move a message to another month
 * (another range partition), and deletes, each mirrored in the same transaction into {@code expected_messages}, a
 * plain copy made before the writes began. After the conversion, {@code messages} must equal it row for row.
 */
final class ChatbotWriter implements AutoCloseable {

    static final String EXPECTED = "expected_messages";
    private static final String[] CONVERSATIONS = {"11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"};

    private final Connection connection;
    private final List<UUID> ids;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong writes = new AtomicLong();
    private volatile Throwable failure;

    private ChatbotWriter(Connection connection, List<UUID> ids) {
        this.connection = connection;
        this.ids = ids;
        this.thread = new Thread(this::write, "chatbot-writer");
    }

    /** Copies {@code messages} into {@code expected_messages} and starts writing both on {@code connection}. */
    static ChatbotWriter start(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("create table " + EXPECTED + " as select * from messages");
        }
        List<UUID> ids = new ArrayList<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("select id from messages order by random() limit 2000")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        connection.setAutoCommit(false);
        ChatbotWriter writer = new ChatbotWriter(connection, ids);
        writer.thread.start();
        return writer;
    }

    /** Writes committed so far. */
    long writes() {
        return writes.get();
    }

    /** Waits until at least {@code more} further writes have committed. */
    void awaitWrites(long more) throws InterruptedException {
        long target = writes.get() + more;
        while (writes.get() < target && failure == null && thread.isAlive()) {
            Thread.sleep(5);
        }
    }

    private void write() {
        try {
            for (long n = 0; running.get(); n++) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (n % 5 == 4 && !ids.isEmpty()) {
                    UUID id = ids.remove(random.nextInt(ids.size()));
                    both("delete from %s where id = ?", id);
                } else if (n % 3 == 2 && !ids.isEmpty()) {
                    UUID id = ids.get(random.nextInt(ids.size()));
                    both("update %s set content = content || '+', created_at = created_at + interval '40 days', token_count = 7,"
                            + " metadata = '{\"edited\": true}' where id = ?", id);
                } else {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    both("insert into %s (id, conversation_id, role, content, created_at, token_count, metadata)"
                            + " values (?, '" + CONVERSATIONS[(int) (n % 2)] + "', 'user', 'written during the conversion', now(), 3, '{\"n\": 1}')", id);
                }
                connection.commit();
                writes.incrementAndGet();
                Thread.sleep(1);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void both(String sql, UUID id) throws SQLException {
        for (String table : new String[] {"messages", EXPECTED}) {
            try (PreparedStatement statement = connection.prepareStatement(sql.formatted(table))) {
                statement.setObject(1, id);
                statement.executeUpdate();
            }
        }
    }

    /** Stops writing; fails if any write failed, as the chatbot would have. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
        if (failure != null) {
            throw new AssertionError("the chatbot's write failed during the conversion", failure);
        }
    }
}
