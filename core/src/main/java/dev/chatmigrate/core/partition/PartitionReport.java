package dev.chatmigrate.core.partition;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a conversion did.
 *
 * @param schema             the chatbot's schema
 * @param layout             the layout, as {@link PartitionLayout#describe()} says it
 * @param alreadyPartitioned {@code messages} was partitioned already and nothing was done
 * @param resumed            the run finished a conversion an earlier run had begun
 * @param partitions         the partitions {@code messages} has now
 * @param rowsCopied         rows copied by the batches (over every run of this conversion)
 * @param changesReplayed    captured inserts, updates and deletes applied to the partitioned table
 * @param swapLock           how long the swap held {@code messages} locked (the writers' longest wait, besides the lock's own wait)
 * @param keptTable          the plain table's new name, unless it was dropped
 * @param duration           the run's wall time
 */
public record PartitionReport(String schema, String layout, boolean alreadyPartitioned, boolean resumed, int partitions, long rowsCopied,
                              long changesReplayed, Duration swapLock, Optional<String> keptTable, Duration duration) {

    public PartitionReport {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(swapLock, "swapLock");
        Objects.requireNonNull(keptTable, "keptTable");
        Objects.requireNonNull(duration, "duration");
    }

    /** The report of a run that found {@code messages} partitioned already. */
    static PartitionReport nothingToDo(String schema, String layout, int partitions, Duration duration) {
        return new PartitionReport(schema, layout, true, false, partitions, 0, 0, Duration.ZERO, Optional.empty(), duration);
    }
}
