package dev.chatmigrate.core.partition;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@code messages} is to be partitioned: by range of {@code created_at} in partitions of one {@link Interval}, or
 * by hash of {@code conversation_id} into a number of partitions: one of the canonical partitionings
 * ({@link #partitioning()}, declared in {@link ChatbotSchema#PARTITIONINGS}). Either way the primary key
 * {@code pk_messages} becomes {@code (id, key)}, as PostgreSQL requires. Immutable; checked when built.
 *
 * @param key        the partition key column, {@code created_at} or {@code conversation_id}
 * @param interval   the width of a range partition; {@code null} for hash partitioning
 * @param partitions the number of hash partitions; {@code 0} for range partitioning
 * @param dropOld    whether the swap drops the plain table instead of keeping it as {@code messages_unpartitioned_<time>}
 * @param partman    whether the new table is registered with pg_partman ({@code create_parent}) after the swap (range only)
 */
public record PartitionLayout(String key, Interval interval, int partitions, boolean dropOld, boolean partman) {

    public static final String CREATED_AT = "created_at";
    public static final String CONVERSATION_ID = "conversation_id";
    /** More hash partitions than this is a mistake rather than a layout. */
    public static final int MOST_HASH_PARTITIONS = 1024;

    /** The width of one range partition, with the names PostgreSQL's {@code date_trunc} and pg_partman give it. */
    public enum Interval {
        DAY("1 day", "day", "YYYY_MM_DD", "daily"),
        WEEK("1 week", "week", "IYYY\"w\"IW", "weekly"),
        MONTH("1 month", "month", "YYYY_MM", "monthly"),
        YEAR("1 year", "year", "YYYY", "yearly");

        private final String sql;
        private final String truncation;
        private final String nameFormat;
        private final String partmanName;

        Interval(String sql, String truncation, String nameFormat, String partmanName) {
            this.sql = sql;
            this.truncation = truncation;
            this.nameFormat = nameFormat;
            this.partmanName = partmanName;
        }

        /** As an SQL interval literal, such as {@code 1 month}. */
        public String sql() {
            return sql;
        }

        /** The {@code date_trunc} unit, such as {@code month}. */
        public String truncation() {
            return truncation;
        }

        /** The {@code to_char} format of a partition's name after {@code p}, as pg_partman 4 names them ({@code 2026_01}). */
        public String nameFormat() {
            return nameFormat;
        }

        /** pg_partman 4's name of this interval, such as {@code monthly}. */
        public String partmanName() {
            return partmanName;
        }

        /** The interval named {@code name} ({@code day}, {@code week}, {@code month}, {@code year}), in any letter case. */
        public static Interval named(String name) {
            for (Interval interval : values()) {
                if (interval.name().equalsIgnoreCase(name)) {
                    return interval;
                }
            }
            throw new InvalidConfigurationException("Unknown partition interval '" + name + "'. Expected day, week, month or year.",
                    "interval", "day, week, month or year", name);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PartitionLayout {
        Objects.requireNonNull(key, "key");
        if (key.equals(CREATED_AT)) {
            Objects.requireNonNull(interval, "interval");
            if (partitions != 0) {
                throw new InvalidConfigurationException("Range partitioning by created_at takes an interval, not a number of partitions ("
                        + partitions + "). Expected --interval day|week|month|year without --partitions.", "partitions", "none", Integer.toString(partitions));
            }
        } else if (key.equals(CONVERSATION_ID)) {
            if (interval != null) {
                throw new InvalidConfigurationException("Hash partitioning by conversation_id takes a number of partitions, not an interval ("
                        + interval + "). Expected --partitions N without --interval.", "interval", "none", interval.toString());
            }
            if (partitions < 2 || partitions > MOST_HASH_PARTITIONS) {
                throw new InvalidConfigurationException("Hash partitioning needs from 2 to " + MOST_HASH_PARTITIONS + " partitions, not "
                        + partitions + ". Expected --partitions N, such as 16.", "partitions", "2 to " + MOST_HASH_PARTITIONS, Integer.toString(partitions));
            }
            if (partman) {
                throw new InvalidConfigurationException("pg_partman manages range partitions by created_at; hash partitions by conversation_id"
                        + " are fixed. Expected --partman only with --by created_at.", "partman", "false with --by conversation_id", "true");
            }
        } else {
            throw new InvalidConfigurationException("messages can be partitioned by created_at (range) or conversation_id (hash), not by '"
                    + key + "'.", "by", "created_at or conversation_id", key);
        }
    }

    /** Range partitions of {@code interval} on {@code created_at}, the old table kept, without pg_partman. */
    public static PartitionLayout byCreatedAt(Interval interval) {
        return new PartitionLayout(CREATED_AT, interval, 0, false, false);
    }

    /** {@code partitions} hash partitions on {@code conversation_id}, the old table kept. */
    public static PartitionLayout byConversationId(int partitions) {
        return new PartitionLayout(CONVERSATION_ID, null, partitions, false, false);
    }

    /** This layout, the plain table dropped by the swap instead of kept. */
    public PartitionLayout withOldTableDropped() {
        return new PartitionLayout(key, interval, partitions, true, partman);
    }

    /** This layout, registered with pg_partman after the swap. */
    public PartitionLayout withPartman() {
        return new PartitionLayout(key, interval, partitions, dropOld, true);
    }

    /** Whether this is range partitioning by {@code created_at}. */
    public boolean byRange() {
        return key.equals(CREATED_AT);
    }

    /** The canonical partitioning this layout makes, as {@link ChatbotSchema#PARTITIONINGS} declares it. */
    public Partitioning partitioning() {
        return ChatbotSchema.partitioningBy(ChatbotSchema.MESSAGES, key).orElseThrow();
    }

    /** The {@code partition by} clause, such as {@code range (created_at)}. */
    public String partitionClause() {
        return partitioning().clause();
    }

    /** What a person reads, such as {@code range of created_at by month} or {@code hash of conversation_id into 16 partitions}. */
    public String describe() {
        return byRange() ? "range of created_at by " + interval : "hash of conversation_id into " + partitions + " partitions";
    }
}
