package dev.chatmigrate.testing.states;

import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An index of a partitioned {@code messages} whose per-partition build was interrupted, as a crash leaves it: the
 * parent index made {@code on only} (INVALID by design), the first partition's index built and attached, the last
 * partition's index INVALID (its concurrent build cancelled half way), the partitions between without one.
 *
 * @param attachedPartitionIndex the index built and attached on {@code attachedPartition}, which completing the build keeps
 */
public record HalfBuiltIndex(Index index, String attachedPartition, String attachedPartitionIndex, List<String> missingPartitions,
        String invalidPartition, String invalidPartitionIndex) {

    /**
     * Leaves {@code index} half built on the partitioned {@code messages} of {@code settings.schema()}, which must not
     * have it and must have at least three partitions.
     */
    public static HalfBuiltIndex leave(MigrationSettings settings, Index index) throws SQLException {
        String schema = settings.schema();
        try (Connection connection = settings.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            List<String> partitions = PartitionedCatalog.partitions(connection, schema);
            if (partitions.size() < 3) {
                throw new IllegalStateException("a half-built index needs three partitions of messages, found " + partitions);
            }
            String first = partitions.get(0);
            String last = partitions.get(partitions.size() - 1);
            String columns = " (" + String.join(", ", index.columns()) + ")";
            SampleRows.execute(connection, schema, "create index " + index.name() + " on only {s}.messages" + columns);
            SampleRows.execute(connection, schema, "create index concurrently " + partitionIndex(first, index) + " on {s}." + first + columns);
            SampleRows.execute(connection, schema, "alter index {s}." + index.name() + " attach partition {s}." + partitionIndex(first, index));
            buildInterrupted(settings, connection, last, index);
            return new HalfBuiltIndex(index, first, partitionIndex(first, index), partitions.subList(1, partitions.size() - 1), last,
                    partitionIndex(last, index));
        }
    }

    /**
     * Starts {@code create index concurrently} on {@code partition} while another session writes to it, and cancels
     * it (lock timeout) while it waits for that writer: the index stays behind, INVALID, as after a crash.
     */
    private static void buildInterrupted(MigrationSettings settings, Connection connection, String partition, Index index) throws SQLException {
        String name = partitionIndex(partition, index);
        try (Connection writer = settings.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            SampleRows.execute(writer, settings.schema(), "lock table {s}." + partition + " in row exclusive mode");
            SampleRows.execute(connection, settings.schema(), "set lock_timeout = '200ms'");
            try {
                SampleRows.execute(connection, settings.schema(), "create index concurrently " + name + " on {s}." + partition
                        + " (" + String.join(", ", index.columns()) + ")");
                throw new IllegalStateException("the concurrent build of " + name + " was expected to be cancelled, but it completed");
            } catch (SQLException cancelled) {
                if (!"55P03".equals(cancelled.getSQLState())) {
                    throw cancelled;
                }
            } finally {
                SampleRows.execute(connection, settings.schema(), "reset lock_timeout");
                writer.rollback();
            }
        }
        List<String> invalid = PartitionedCatalog.strings(connection, "select 1 from pg_index where indexrelid = to_regclass(quote_ident(?) || '.' || ?)"
                + " and not indisvalid", settings.schema(), name);
        if (invalid.isEmpty()) {
            throw new IllegalStateException("the cancelled build was expected to leave " + name + " INVALID, but it did not");
        }
    }

    /** The name the half-built state gives {@code index}'s index on {@code partition}. */
    private static String partitionIndex(String partition, Index index) {
        return partition + "_" + String.join("_", index.columns()) + "_idx";
    }
}
