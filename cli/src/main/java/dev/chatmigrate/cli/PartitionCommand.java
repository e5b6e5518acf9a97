package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.partition.MessagesPartitioning;
import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.core.partition.PartitionPlan;
import dev.chatmigrate.core.partition.PartitionReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate partition}: converts a plain {@code messages} into a partitioned one while the chatbot writes
 * ({@link MessagesPartitioning}); {@code --plan} shows the steps and their locks first, changing nothing. Exit 0 also
 * when {@code messages} is partitioned already (nothing to do), 4 when the conversion refuses.
 */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = {"Converts a plain messages table into a partitioned one while the chatbot writes: by range of created_at",
                "(--by created_at --interval month) or by hash of conversation_id (--by conversation_id --partitions 16).",
                "Copies in batches, captures concurrent writes, swaps under a short lock; a killed run is resumed by the next.",
                "The schema must be at the latest version; no engine's history changes. --plan shows the steps and locks first."})
final class PartitionCommand implements Callable<Integer> {

    static final int REFUSED = 4;

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--by", paramLabel = "COLUMN", required = true, description = "Partition key: created_at (range) or conversation_id (hash).")
    String by;

    @Option(names = "--interval", paramLabel = "UNIT", description = "Range partition width: day, week, month or year (default month).")
    String interval;

    @Option(names = "--partitions", paramLabel = "N", description = "Number of hash partitions (with --by conversation_id), such as 16.")
    Integer partitions;

    @Option(names = "--drop-old", description = "Drop the plain table at the swap instead of keeping it as messages_unpartitioned_<time>.")
    boolean dropOld;

    @Option(names = "--partman", description = "Register the new table with pg_partman (create_parent) after the swap (range only).")
    boolean partman;

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "Rows per copy batch and changes per replay batch (default "
            + MessagesPartitioning.DEFAULT_BATCH_SIZE + ").")
    Integer batchSize;

    @Option(names = "--plan", description = "Show the steps with their SQL and locks, changing nothing.")
    boolean plan;

    @Override
    public Integer call() {
        PartitionLayout layout = layout();
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            MessagesPartitioning partitioning = new MessagesPartitioning(session.settings(), MigrationEngines.byId(session.settings().engineId()));
            if (batchSize != null) {
                partitioning = partitioning.batchSize(batchSize);
            }
            if (plan) {
                PartitionPlan planned = partitioning.plan(layout);
                PartitionOutput.plan(root, planned);
                if (!planned.wouldSucceed()) {
                    root.err().println("chatmigrate: partition would refuse: " + String.join("; ", planned.refusals()) + ". Nothing was changed.");
                    return REFUSED;
                }
                return 0;
            }
            PartitionReport report = partitioning.run(layout);
            PartitionOutput.report(root, report);
        }
        return 0;
    }

    private PartitionLayout layout() {
        PartitionLayout.Interval width = interval != null ? PartitionLayout.Interval.named(interval)
                : PartitionLayout.CREATED_AT.equals(by) ? PartitionLayout.Interval.MONTH : null;
        PartitionLayout layout = new PartitionLayout(by, width, partitions == null ? 0 : partitions, false, false);
        if (dropOld) {
            layout = layout.withOldTableDropped();
        }
        return partman ? layout.withPartman() : layout;
    }
}
