/**
 * The online conversion of a plain {@code messages} into a partitioned one ({@code chatmigrate partition}): the
 * requested layout ({@link dev.chatmigrate.core.partition.PartitionLayout}), its plan with the lock of every step, and
 * the conversion itself: the partitioned table built beside the plain one, concurrent writes captured by a trigger
 * into a change log, the rows copied in bounded batches whose progress survives a crash, and a short swap. It is a
 * layout, not a schema version: no engine's history changes. See {@code docs/partitioning.md}.
 */
package dev.chatmigrate.core.partition;
