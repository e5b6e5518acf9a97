package dev.chatmigrate.core.partition;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversion's work on one connection, each unit in a transaction of its own so that a crash at any moment
 * leaves either the plain table with everything needed to resume, or the swapped one:
 * <ul>
 *   <li>setup: chatmigrate's tables, the partitioned table with its partitions, indexes and foreign key, and the capture
 *       trigger, all or nothing;</li>
 *   <li>copy: the next batch of rows by id (keyset) and the new position, committed together;</li>
 *   <li>replay: the oldest captured changes taken out of the log and, for each id, the partitioned table's row replaced by
 *       the plain table's current one (none, when it was deleted). A change is logged in the transaction that makes it,
 *       so a replay that sees the log entry sees the change; changes committed later have later entries;</li>
 *   <li>swap: {@code messages} locked, the last changes replayed, the tables renamed, the trigger and chatmigrate's tables
 *       dropped, in one transaction.</li>
 * </ul>
 */
final class Conversion {

    private static final Logger LOG = LoggerFactory.getLogger(Conversion.class);

    /** The position and counters of a conversion, from its progress row. */
    record Progress(UUID lastId, boolean copyDone, long copied, long replayed) {
    }

    private final Connection connection;
    private final PartitionSql sql;
    private final int batchSize;

    Conversion(Connection connection, PartitionSql sql, int batchSize) throws SQLException {
        this.connection = connection;
        this.sql = sql;
        this.batchSize = batchSize;
        connection.setAutoCommit(false);
    }

    /** Runs {@code steps} in one transaction. */
    void setup(List<PartitionStep> steps) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (PartitionStep step : steps) {
                for (String sqlText : step.statements()) {
                    statement.execute(sqlText);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    Progress progress() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select last_id, copy_done, copied, replayed from " + sql.table(PartitionNames.PROGRESS))) {
            row.next();
            Progress progress = new Progress(row.getObject(1, UUID.class), row.getBoolean(2), row.getLong(3), row.getLong(4));
            connection.commit();
            return progress;
        }
    }

    /** Copies batches from the recorded position until the plain table has no row after it; returns the rows copied. */
    long copy(Progress from) throws SQLException {
        UUID last = from.lastId();
        boolean done = from.copyDone();
        long copied = 0;
        while (!done) {
            try (PreparedStatement batch = connection.prepareStatement(sql.copyBatch(last == null, batchSize));
                 PreparedStatement record = connection.prepareStatement(sql.recordCopy())) {
                if (last != null) {
                    batch.setObject(1, last);
                }
                int rows;
                try (ResultSet result = batch.executeQuery()) {
                    result.next();
                    rows = result.getInt(1);
                    last = rows == 0 ? last : result.getObject(2, UUID.class);
                }
                done = rows < batchSize;
                record.setObject(1, last);
                record.setLong(2, rows);
                record.setBoolean(3, done);
                record.executeUpdate();
                connection.commit();
                copied += rows;
                if (copied % (batchSize * 100L) == 0) {
                    LOG.info("partition: {} rows copied by this run", copied);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return copied;
    }

    /** Replays captured changes, a batch per transaction, until a batch finds fewer than a full one; returns the changes applied. */
    long replayUntilNearlyDrained() throws SQLException {
        long total = 0;
        while (true) {
            try {
                int taken = replayBatch();
                connection.commit();
                total += taken;
                if (taken < batchSize) {
                    return total;
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Locks {@code messages} (waiting at most the connection's {@code lock_timeout}), replays every change left, runs
     * {@code swap} and commits; returns the changes replayed and how long the lock was held.
     */
    Swapped swap(List<String> swap) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + sql.table(dev.chatmigrate.schema.ChatbotSchema.MESSAGES) + " in access exclusive mode");
            long locked = System.nanoTime();
            long replayed = 0;
            for (int taken = replayBatch(); taken > 0; taken = replayBatch()) {
                replayed += taken;
            }
            for (String sqlText : swap) {
                statement.execute(sqlText);
            }
            connection.commit();
            return new Swapped(replayed, Duration.ofNanos(System.nanoTime() - locked));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** What the swap did: changes replayed under the lock, and the lock's duration. */
    record Swapped(long replayed, Duration lockHeld) {
    }

    /** Takes up to a batch of changes out of the log and replays them, in the current transaction; returns how many were taken. */
    private int replayBatch() throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        int taken = 0;
        try (Statement statement = connection.createStatement(); ResultSet changes = statement.executeQuery(sql.takeChanges(batchSize))) {
            while (changes.next()) {
                ids.add(changes.getObject(1, UUID.class));
                taken++;
            }
        }
        if (taken == 0) {
            return 0;
        }
        Array array = connection.createArrayOf("uuid", ids.toArray());
        List<String> replay = sql.replay();
        for (int i = 0; i < replay.size(); i++) {
            try (PreparedStatement statement = connection.prepareStatement(replay.get(i))) {
                if (i < 2) {
                    statement.setArray(1, array);
                } else {
                    statement.setLong(1, taken);
                }
                statement.executeUpdate();
            }
        }
        return taken;
    }
}
