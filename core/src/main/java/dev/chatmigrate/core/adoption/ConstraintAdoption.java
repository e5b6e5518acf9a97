package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.verifier.ActualConstraint;
import dev.chatmigrate.verifier.ActualIndex;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the constraints and indexes of one table: an equivalent one under another name is renamed (the name
 * quoted as the catalog spells it), a foreign key without cascade is replaced, a missing constraint is added when
 * every row satisfies it (else a conflict naming the rows), a missing index built in a version's transaction is
 * created; objects the canonical schema does not have are left in place and reported. A check or foreign key is
 * added {@code not valid} in the transaction (catalog only, a brief lock) and validated after it commits, while the
 * chatbot writes; one left {@code not valid} (an interrupted run) is validated the same way once its rows are checked.
 * A primary key cannot be {@code not valid}: it is added, building its index, in the transaction. On a table
 * partitioned in a canonical form the primary key is the partitioned one, and indexes and the foreign key are built by
 * the per-partition idioms ({@link PartitionedAdoption}).
 */
final class ConstraintAdoption {

    /** The lock text of a check or foreign key added {@code not valid}: no row is read in the transaction. */
    private static final String CATALOG_ONLY = "brief (catalog only: added not valid, its rows are read after the transaction)";

    private final AdoptionWork work;
    private final String table;
    private final String alter;
    private final Set<String> claimed = new HashSet<>();
    /** The per-partition idioms, when the table is partitioned in a canonical form; empty for a plain table. */
    private final Optional<PartitionedAdoption> partitioned;

    private ConstraintAdoption(AdoptionWork work, String table, Optional<Partitioning> partitioning) {
        this.work = work;
        this.table = table;
        this.alter = "alter table " + work.qualified(table);
        this.partitioned = partitioning.map(p -> new PartitionedAdoption(work, table));
    }

    static void plan(AdoptionWork work, String table) throws SQLException {
        Optional<String> partitionKey = work.catalog.partitionKey(table);
        Optional<Partitioning> partitioning = work.partitioning(table);
        if (partitionKey.isPresent() && partitioning.isEmpty()) {
            work.conflict("table " + table + ": expected " + ChatbotSchema.canonicalLayouts(table) + ", found partitioned by " + partitionKey.get()
                    + "; partition it in a canonical form (chatmigrate partition) or by hand, see docs/design.md");
            return;
        }
        ConstraintAdoption planner = new ConstraintAdoption(work, table, partitioning);
        List<Constraint> constraints = partitioning.map(p -> ChatbotSchema.constraintsAt(table, work.target, p))
                .orElseGet(() -> ChatbotSchema.constraintsAt(table, work.target));
        for (Constraint constraint : constraints) {
            if (work.usable(table, constraint.columns())) {
                planner.plan(constraint);
            }
        }
        for (Index index : ChatbotSchema.indexesAt(table, work.target)) {
            if (work.usable(table, index.columns())) {
                planner.plan(index);
            }
        }
        planner.reportExtras();
    }

    private void plan(Constraint constraint) throws SQLException {
        List<ActualConstraint> actual = work.catalog.constraints(table);
        Optional<ActualConstraint> named = actual.stream().filter(a -> a.name().equals(constraint.name())).findFirst();
        if (named.isPresent()) {
            claimed.add(constraint.name());
            if (!named.get().definition().equals(constraint.definition())) {
                work.conflict("constraint " + constraint.name() + " on " + table + ": expected " + constraint.definition()
                        + ", found " + named.get().definition() + (named.get().validated() ? "" : " NOT VALID") + "; drop or rename it");
            } else if (!named.get().validated() && !violated(constraint)) {
                validate(constraint);
            }
            return;
        }
        Optional<ActualConstraint> equivalent = actual.stream()
                .filter(a -> !claimed.contains(a.name()) && a.kind() == constraint.kind().code() && a.columns().equals(constraint.columns()))
                .filter(a -> constraint.kind() != Constraint.Kind.CHECK || a.definition().equals(constraint.definition()))
                .findFirst();
        if (equivalent.isPresent() && equivalent.get().definition().equals(constraint.definition())) {
            claimed.add(equivalent.get().name());
            if (!equivalent.get().validated() && violated(constraint)) {
                return;
            }
            work.step("renamed constraint " + equivalent.get().name() + " on " + table + " to " + constraint.name(),
                    alter + " rename constraint " + Sql.identifier(equivalent.get().name()) + " to " + constraint.name(),
                    "ACCESS EXCLUSIVE on " + table + ", brief", false);
            if (!equivalent.get().validated()) {
                validate(constraint);
            }
            return;
        }
        if (violated(constraint)) {
            return;
        }
        boolean primaryKey = constraint.kind() == Constraint.Kind.PRIMARY_KEY;
        if (partitioned.isPresent() && constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
            if (equivalent.isPresent()) {
                claimed.add(equivalent.get().name());
                work.step("dropped foreign key " + equivalent.get().name() + " (" + equivalent.get().definition() + "), replaced by " + constraint.name(),
                        alter + " drop constraint " + Sql.identifier(equivalent.get().name()), "ACCESS EXCLUSIVE on messages and conversations, brief", false);
            }
            partitioned.get().foreignKey(constraint);
            return;
        }
        String ddl = constraint.ddl() + (primaryKey ? "" : " not valid");
        if (equivalent.isPresent()) {
            claimed.add(equivalent.get().name());
            work.step("replaced foreign key " + equivalent.get().name() + " (" + equivalent.get().definition() + ") by " + constraint.name(),
                    alter + " drop constraint " + Sql.identifier(equivalent.get().name()) + ", add constraint " + constraint.name() + " " + ddl,
                    "ACCESS EXCLUSIVE on messages and conversations, " + CATALOG_ONLY, false);
        } else {
            work.step("added constraint " + constraint.name() + " on " + table, alter + " add constraint " + constraint.name() + " " + ddl,
                    primaryKey ? "ACCESS EXCLUSIVE on " + table + ", while its index is built"
                            : constraint.kind() == Constraint.Kind.FOREIGN_KEY ? "SHARE ROW EXCLUSIVE on messages and conversations, " + CATALOG_ONLY
                            : "ACCESS EXCLUSIVE on " + table + ", " + CATALOG_ONLY, false);
        }
        if (!primaryKey) {
            validate(constraint);
        }
    }

    /**
     * After the transaction, reads every row of a constraint added {@code not valid} (or left so): it locks the table
     * only against schema changes and other validations, so the chatbot's reads and writes go on while it scans.
     */
    private void validate(Constraint constraint) {
        String lock = constraint.kind() == Constraint.Kind.FOREIGN_KEY
                ? "SHARE UPDATE EXCLUSIVE on messages and ROW SHARE on conversations while every row is read, after the transaction (writes go on)"
                : "SHARE UPDATE EXCLUSIVE on " + table + " while every row is read, after the transaction (writes go on)";
        work.steps.add(new AdoptionStep("validated constraint " + constraint.name() + " on " + table + " (every row read while writes go on)",
                alter + " validate constraint " + constraint.name(), lock, false, true));
    }

    /** Whether rows violate {@code constraint}; if so, a conflict names them. */
    private boolean violated(Constraint constraint) throws SQLException {
        Optional<AdoptionWork.Offenders> violations = violations(constraint);
        if (violations.isEmpty() || !violations.get().any()) {
            return false;
        }
        work.conflict("constraint " + constraint.name() + " on " + table + ": expected " + constraint.definition() + ", found it violated by "
                + violations.get() + (constraint.kind() == Constraint.Kind.FOREIGN_KEY ? " (messages without their conversation)" : "")
                + "; fix or delete those rows yourself");
        return true;
    }

    /** The rows that violate {@code constraint}, or empty when a planner checked them already. */
    private Optional<AdoptionWork.Offenders> violations(Constraint constraint) throws SQLException {
        if (work.checkedConstraints.contains(constraint.name())) {
            return Optional.empty();
        }
        String t = work.qualified(table);
        return Optional.of(switch (constraint.kind()) {
            case PRIMARY_KEY -> work.offenders(table, "id is null or id in (select id from " + t + " group by id having count(*) > 1)");
            case FOREIGN_KEY -> work.offenders(table, "conversation_id is not null and conversation_id not in (select id from "
                    + work.qualified(ChatbotSchema.CONVERSATIONS) + ")");
            case CHECK -> work.offenders(table, "not " + constraint.checkCondition());
        });
    }

    private void plan(Index index) {
        List<ActualIndex> actual = work.catalog.indexes(table);
        String create = "create index " + (index.buildMode() == Index.BuildMode.CONCURRENTLY ? "concurrently " : "") + index.name()
                + " on " + work.qualified(table) + " (" + String.join(", ", index.columns()) + ")";
        Optional<ActualIndex> named = actual.stream().filter(a -> a.name().equals(index.name())).findFirst();
        if (named.isPresent()) {
            claimed.add(index.name());
            if (!named.get().plain() || !named.get().columns().equals(index.columns())) {
                work.conflict("index " + index.name() + " on " + table + ": expected " + index.definition() + ", found " + named.get().definition()
                        + "; drop or rename it");
            } else if (partitioned.isPresent()) {
                if (!named.get().valid() || !named.get().partitionsWithout().isEmpty()) {
                    partitioned.get().index(index, named); // INVALID by design while partitions lack theirs: completed, never dropped
                }
            } else if (!named.get().valid()) {
                work.steps.add(new AdoptionStep("rebuilt index " + index.name() + ", left INVALID by an interrupted concurrent build",
                        "drop index concurrently " + work.qualified(index.name()) + "; create index concurrently " + index.name() + " on "
                                + work.qualified(table) + " (" + String.join(", ", index.columns()) + ")",
                        "SHARE UPDATE EXCLUSIVE on " + table + " while it is built, after the transaction (writes go on)", false, true));
            }
            return;
        }
        Optional<ActualIndex> equivalent = actual.stream()
                .filter(a -> !claimed.contains(a.name()) && a.plain() && a.valid() && a.columns().equals(index.columns())).findFirst();
        if (equivalent.isPresent()) {
            claimed.add(equivalent.get().name());
            work.step("renamed index " + equivalent.get().name() + " on " + table + " to " + index.name(),
                    "alter index " + work.schemaQualified(equivalent.get().name()) + " rename to " + index.name(),
                    "SHARE UPDATE EXCLUSIVE on " + table + ", brief", false);
        } else if (partitioned.isPresent()) {
            partitioned.get().index(index, Optional.empty());
        } else if (index.buildMode() == Index.BuildMode.IN_TRANSACTION) {
            work.step("created index " + index.name() + " on " + table, create, "SHARE on " + table + " while it is built (writes wait)", false);
        }
        // a missing concurrently built index is created by its version's step, which the engine runs without a transaction
    }

    private void reportExtras() {
        for (ActualConstraint constraint : work.catalog.constraints(table)) {
            if (!claimed.contains(constraint.name())) {
                work.extras.add("constraint " + constraint.name() + " on " + table + " (" + constraint.definition() + ")");
            }
        }
        for (ActualIndex index : work.catalog.indexes(table)) {
            if (!claimed.contains(index.name()) && !index.constraintBacked()) {
                work.extras.add("index " + index.name() + " on " + table + " (" + index.definition() + ")");
            }
        }
    }
}
