package dev.chatmigrate.testing.online;

import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches {@code pg_locks} of one test database every few milliseconds from a connection of its own, and
 * remembers, per session group (by the start of {@code application_name}), every lock wait it saw (a pid and
 * the server's {@code waitstart}) and the longest one, as the server measured it. Lock waits are what a
 * migration may cost the chatbot, so tests assert on them instead of on wall-clock durations; a sampler can
 * only miss the end of a wait, so "no wait was seen longer than X" is a lower bound of the truth, and a wait
 * that lasts seconds is never missed.
 */
public final class LockWaitSampler implements AutoCloseable {

    private record Wait(int pid, String started) {
    }

    private final Connection connection;
    private final Thread thread;
    private final Map<String, Set<Wait>> waits = new ConcurrentHashMap<>();
    private final Map<String, Long> longestMillis = new ConcurrentHashMap<>();
    private final Set<String> groups;
    private volatile boolean running = true;
    private volatile SQLException failure;

    private LockWaitSampler(Connection connection, Set<String> groups) {
        this.connection = connection;
        this.groups = groups;
        this.thread = new Thread(this::run, "lock-wait-sampler");
        thread.setDaemon(true);
    }

    /** Starts sampling {@code database}, grouping sessions by the {@code application_name} prefixes {@code groups}. */
    public static LockWaitSampler start(TestDatabase database, String... groups) throws SQLException {
        LockWaitSampler sampler = new LockWaitSampler(database.database().open("lock-wait-sampler", Duration.ofSeconds(10)), Set.of(groups));
        sampler.thread.start();
        return sampler;
    }

    /** How many distinct lock waits of sessions in {@code group} were seen. */
    public int waitsOf(String group) {
        check();
        return waits.getOrDefault(group, Set.of()).size();
    }

    /** The longest lock wait seen of a session in {@code group}, as {@code clock_timestamp() - waitstart}. */
    public Duration longestWaitOf(String group) {
        check();
        return Duration.ofMillis(longestMillis.getOrDefault(group, 0L));
    }

    /** Waits until at least {@code count} lock waits of {@code group} were seen; false after {@code timeout}. */
    public boolean awaitWaits(String group, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waitsOf(group) < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void run() {
        String sql = """
                select a.pid, a.application_name, l.waitstart::text, floor(extract(epoch from clock_timestamp() - l.waitstart) * 1000)::bigint
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where not l.granted and l.waitstart is not null and a.datname = current_database()""";
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        String application = rows.getString(2);
                        for (String group : groups) {
                            if (application != null && application.startsWith(group)) {
                                waits.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(new Wait(rows.getInt(1), rows.getString(3)));
                                longestMillis.merge(group, rows.getLong(4), Math::max);
                            }
                        }
                    }
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            if (running) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("the lock-wait sampler failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
