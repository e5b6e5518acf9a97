package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.verifier.ActualIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Adoption's steps on a partitioned table, by the per-partition idioms (see {@code docs/design.md}, "Partitioned
 * messages"). A canonical index: {@code create index if not exists NAME on only TABLE (...)} (INVALID by design), then
 * for each partition that has none attached {@code create index concurrently} on the partition and
 * {@code alter index NAME attach partition ...}, after which PostgreSQL marks the parent valid. Resumable: an INVALID
 * parent index is completed, never dropped; a partition's valid index of the same columns not yet attached is
 * attached; a partition's INVALID index of this name (a crash during its build) is dropped concurrently and rebuilt.
 * A foreign key: added {@code not valid} on each partition, validated on each, then added on the parent, which attaches
 * the partitions' ones ({@code not valid} is refused on a partitioned table). Every step runs after adoption's
 * transaction, without one, in order.
 */
final class PartitionedAdoption {

    /** The longest identifier PostgreSQL keeps, in bytes. */
    private static final int MAX_IDENTIFIER = 63;
    /** The lock text of attaching a partition's index: a catalog change (measured on PostgreSQL 17). */
    private static final String ATTACH_LOCK = "ACCESS EXCLUSIVE on the partition's index and SHARE UPDATE EXCLUSIVE on the parent's while it is attached,"
            + " brief (catalog only; writes to that partition wait for it)";

    private final AdoptionWork work;
    private final String table;

    PartitionedAdoption(AdoptionWork work, String table) {
        this.work = work;
        this.table = table;
    }

    /** Builds {@code index}, or completes {@code parent}, its partitioned index left INVALID (or missing on a partition). */
    void index(Index index, Optional<ActualIndex> parent) {
        String columns = " (" + String.join(", ", index.columns()) + ")";
        if (parent.isEmpty()) {
            work.steps.add(new AdoptionStep("created index " + index.name() + " on only " + table + ", INVALID until every partition's index is attached",
                    "create index if not exists " + index.name() + " on only " + work.qualified(table) + columns,
                    "SHARE on " + table + ", brief (catalog only: no partition is read)", false, true));
        }
        List<String> lacking = parent.map(ActualIndex::partitionsWithout).orElse(work.catalog.partitions(table));
        for (String partition : lacking) {
            String own = partitionIndexName(partition, index);
            List<ActualIndex> unattached = work.catalog.partitionIndexes(partition).stream()
                    .filter(i -> !i.attached() && i.plain() && i.columns().equals(index.columns())).toList();
            Optional<ActualIndex> built = unattached.stream().filter(ActualIndex::valid).findFirst();
            String attach = "alter index " + work.qualified(index.name()) + " attach partition ";
            if (built.isPresent()) {
                work.steps.add(new AdoptionStep("attached index " + built.get().name() + " of partition " + partition + " to " + index.name(),
                        attach + work.schemaQualified(built.get().name()), ATTACH_LOCK, false, true));
                continue;
            }
            String drop = unattached.stream().filter(i -> i.name().equals(own)).findFirst()
                    .map(i -> "drop index concurrently if exists " + work.schemaQualified(own) + "; ").orElse("");
            work.steps.add(new AdoptionStep((drop.isEmpty() ? "built" : "rebuilt (left INVALID by an interrupted build)") + " index " + own
                    + " on partition " + partition + " concurrently and attached it to " + index.name(),
                    drop + "create index concurrently " + Sql.identifier(own) + " on " + work.schemaQualified(partition) + columns + "; "
                            + attach + work.schemaQualified(own),
                    "SHARE UPDATE EXCLUSIVE on " + partition + " while it is built, after the transaction (writes go on); then " + ATTACH_LOCK,
                    false, true));
        }
    }

    /** Adds the foreign key {@code fk} on each partition {@code not valid}, validates each, then adds it on the parent. */
    void foreignKey(Constraint fk) {
        // qualified: the steps after the transaction run without its search_path
        String ddl = fk.ddl().replace("references " + ChatbotSchema.CONVERSATIONS, "references " + work.qualified(ChatbotSchema.CONVERSATIONS));
        for (String partition : work.catalog.partitions(table)) {
            String alter = "alter table " + work.schemaQualified(partition);
            work.step("added constraint " + fk.name() + " on partition " + partition + " not valid", alter + " add constraint " + fk.name()
                    + " " + ddl + " not valid", "SHARE ROW EXCLUSIVE on " + partition + " and conversations, brief (catalog only)", false);
            work.steps.add(new AdoptionStep("validated constraint " + fk.name() + " on partition " + partition + " (every row read while writes go on)",
                    alter + " validate constraint " + fk.name(), "SHARE UPDATE EXCLUSIVE on " + partition
                    + " and ROW SHARE on conversations while its rows are read, after the transaction (writes go on)", false, true));
        }
        work.steps.add(new AdoptionStep("added constraint " + fk.name() + " on " + table + ", attaching every partition's validated one",
                "alter table " + work.qualified(table) + " add constraint " + fk.name() + " " + ddl,
                "SHARE ROW EXCLUSIVE on " + table + " and conversations, brief (the partitions' constraints are attached, no row is read)",
                false, true));
    }

    /**
     * The name of the index adoption builds on {@code partition}: {@code <partition>_<columns>_idx} as PostgreSQL would
     * name it, shortened with a hash when longer than an identifier may be; the same on every run, so a rerun finds it.
     */
    static String partitionIndexName(String partition, Index index) {
        String name = partition + "_" + String.join("_", index.columns()) + "_idx";
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER) {
            return name;
        }
        String hash = String.format("%08x", name.hashCode());
        String head = partition.length() > 40 ? partition.substring(0, 40) : partition;
        return head + "_" + hash + "_idx";
    }
}
