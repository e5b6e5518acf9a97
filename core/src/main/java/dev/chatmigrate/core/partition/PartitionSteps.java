package dev.chatmigrate.core.partition;

import dev.chatmigrate.core.partition.RangePartitions.Range;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a conversion from the database as it is, as the plan shows them and the run performs them: the setup
 * steps run in one transaction; copy, replay and swap follow ({@link Conversion}).
 */
final class PartitionSteps {

    private static final String NO_CHATBOT_LOCK = "none on the chatbot's tables (new objects only)";
    /** A plan shows this many statements of a step; the run has them all. */
    private static final int SHOWN = 6;

    private final PartitionSql sql;
    private final PartitionLayout layout;
    private final int batchSize;

    PartitionSteps(PartitionSql sql, PartitionLayout layout, int batchSize) {
        this.sql = sql;
        this.layout = layout;
        this.batchSize = batchSize;
    }

    /** The setup, in one transaction: everything the copy needs, the capture trigger last. */
    List<PartitionStep> setup(Connection connection, String schema) throws SQLException {
        List<String> partitions;
        if (layout.byRange()) {
            List<Range> ranges = RangePartitions.of(connection, schema, layout.interval());
            partitions = sql.rangePartitions(ranges); // with the default partition: pg_partman's create_parent skips it when partitions exist
        } else {
            partitions = sql.hashPartitions();
        }
        List<PartitionStep> steps = new ArrayList<>();
        steps.add(new PartitionStep("create chatmigrate's progress row and change log", sql.ownTables(), NO_CHATBOT_LOCK));
        steps.add(new PartitionStep("create the partitioned table " + PartitionNames.NEXT_TABLE + " (" + layout.describe()
                + ") with the canonical columns and checks and primary key (id, " + layout.key() + ")", List.of(sql.createTable()), NO_CHATBOT_LOCK));
        steps.add(new PartitionStep("create " + partitions.size() + " partitions" + (layout.byRange()
                ? ", from the oldest message's " + layout.interval() + " to " + RangePartitions.PREMAKE + " ahead, and a default one" : ""),
                partitions, NO_CHATBOT_LOCK));
        steps.add(new PartitionStep("create the canonical indexes on the empty partitioned table (each partition gets its own)",
                sql.indexStatements(), NO_CHATBOT_LOCK));
        steps.add(new PartitionStep("add the foreign key on the empty partitioned table, validated at once as it has no row"
                + " (on a partitioned table 'not valid' is not supported)", sql.foreignKeys(),
                "SHARE ROW EXCLUSIVE on conversations until the setup commits (milliseconds); waits at most the DDL lock timeout, then retried"));
        List<String> capture = new ArrayList<>(sql.capture());
        capture.add(sql.startProgress());
        steps.add(new PartitionStep("capture every insert, update and delete of messages from now on (a trigger logging the message id)",
                capture, "SHARE ROW EXCLUSIVE on messages until the setup commits (milliseconds): writes wait, reads go on;"
                + " waits at most the DDL lock timeout, then retried"));
        return steps;
    }

    /** The steps after the setup, with one batch's SQL each. */
    List<PartitionStep> afterSetup(String stamp) {
        List<PartitionStep> steps = new ArrayList<>();
        steps.add(new PartitionStep("copy the rows in batches of " + batchSize + " by id (keyset); each batch commits with its position,"
                + " so a new run resumes after the last one", List.of(sql.copyBatch(false, batchSize), sql.recordCopy()),
                "ACCESS SHARE on messages (reads and writes go on)"));
        List<String> replay = new ArrayList<>(List.of(sql.takeChanges(batchSize)));
        replay.addAll(sql.replay());
        steps.add(new PartitionStep("replay the captured changes in batches: each changed id's row replaced by its current one, until"
                + " fewer than a batch are left", replay, "ACCESS SHARE on messages (reads and writes go on)"));
        List<String> swap = new ArrayList<>(List.of("lock table " + sql.table("messages") + " in access exclusive mode",
                "-- the last captured changes replayed as above"));
        swap.addAll(sql.swap(stamp));
        steps.add(new PartitionStep("swap, in one transaction: the last changes replayed, the plain table " + (layout.dropOld() ? "dropped"
                : "kept as " + PartitionNames.KEPT_TABLE_PREFIX + stamp) + ", the partitioned one renamed messages with the canonical index names",
                swap, "ACCESS EXCLUSIVE on messages for the swap (milliseconds plus the last changes); waits at most the DDL lock timeout,"
                + " then retried within the lock timeout"));
        return steps;
    }

    /** pg_partman's registration, after the swap. */
    PartitionStep partman(String partmanSchema) {
        return new PartitionStep("register messages with pg_partman (create_parent; it keeps the partitions made above, and the ones it"
                + " creates later carry the parent's indexes)", List.of(sql.partman(partmanSchema)), "brief locks of pg_partman's own on messages");
    }

    /** {@code steps} as a plan shows them: at most a few statements each. */
    static List<PartitionStep> abridged(List<PartitionStep> steps) {
        return steps.stream().map(step -> step.statements().size() <= SHOWN ? step : new PartitionStep(step.description(),
                concat(step.statements().subList(0, SHOWN - 1), "-- ... " + (step.statements().size() - SHOWN) + " more like these, then:",
                        step.statements().get(step.statements().size() - 1)), step.lock())).toList();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
