package dev.chatmigrate.core.partition;

import dev.chatmigrate.schema.ChatbotSchema;

/**
 * The names the conversion gives what it makes in the chatbot's schema: all but the partitions start with
 * {@code chatmigrate_} or end with {@code _next} until the swap gives them their canonical names.
 */
final class PartitionNames {

    /** The partitioned table while it is filled; {@code messages} after the swap. */
    static final String NEXT_TABLE = "chatmigrate_messages_partitioned";
    /** One row: the layout being built, the copy's keyset position and counters. */
    static final String PROGRESS = "chatmigrate_partition_progress";
    /** The ids of messages inserted, updated or deleted since the capture began, in the order they were written. */
    static final String CHANGES = "chatmigrate_partition_changes";
    /** The trigger (and its function) on the plain {@code messages} that writes {@link #CHANGES}. */
    static final String CAPTURE = "chatmigrate_partition_capture";
    /** The prefix of the plain table's name after the swap, when it is kept. */
    static final String KEPT_TABLE_PREFIX = "messages_unpartitioned_";

    private PartitionNames() {
    }

    /** The name an index or primary key of the partitioned table has until the swap. */
    static String next(String canonical) {
        return canonical + "_next";
    }

    /** The name a canonical index of the kept plain table takes at the swap, such as {@code pk_messages_u20261207201500}. */
    static String kept(String canonical, String stamp) {
        return canonical + "_u" + stamp;
    }

    /** The partition named {@code suffix}, such as {@code messages_p2026_01}. */
    static String partition(String suffix) {
        return ChatbotSchema.MESSAGES + "_" + suffix;
    }

    /** {@code name} in {@code schema}, quoted. */
    static String qualified(String schema, String name) {
        return "\"" + schema + "\"." + name;
    }
}
