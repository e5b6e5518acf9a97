package dev.chatmigrate.core.partition;

import static dev.chatmigrate.core.partition.PartitionNames.CAPTURE;
import static dev.chatmigrate.core.partition.PartitionNames.CHANGES;
import static dev.chatmigrate.core.partition.PartitionNames.NEXT_TABLE;
import static dev.chatmigrate.core.partition.PartitionNames.PROGRESS;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the conversion, derived from the canonical schema's latest version ({@link ChatbotSchema}):
 * the partitioned table gets every canonical column, check, index and the foreign key, its primary key
 * {@code pk_messages} is {@code (id, key)}. Names are final except the table's and its indexes', which the swap
 * renames ({@link PartitionNames}).
 */
final class PartitionSql {

    private static final String MESSAGES = ChatbotSchema.MESSAGES;

    private final String schema;
    private final PartitionLayout layout;

    PartitionSql(String schema, PartitionLayout layout) {
        this.schema = schema;
        this.layout = layout;
    }

    String table(String name) {
        return PartitionNames.qualified(schema, name);
    }

    /** The canonical columns of {@code messages}, in declaration order, as a list for {@code insert}/{@code select}. */
    static String columnList() {
        return String.join(", ", columns().stream().map(Column::name).toList());
    }

    static List<Column> columns() {
        return ChatbotSchema.columnsAt(MESSAGES, ChatbotSchema.LATEST_VERSION);
    }

    static List<Constraint> constraints(Constraint.Kind kind) {
        return ChatbotSchema.constraintsAt(MESSAGES, ChatbotSchema.LATEST_VERSION).stream().filter(c -> c.kind() == kind).toList();
    }

    static List<Index> indexes() {
        return ChatbotSchema.indexesAt(MESSAGES, ChatbotSchema.LATEST_VERSION);
    }

    static String primaryKey() {
        return constraints(Constraint.Kind.PRIMARY_KEY).get(0).name();
    }

    /** chatmigrate's own tables: the progress row and the change log. */
    List<String> ownTables() {
        return List.of(
                "create table " + table(PROGRESS) + " (layout text not null, last_id uuid, copy_done boolean not null default false,"
                        + " copied bigint not null default 0, replayed bigint not null default 0, started_at timestamptz not null default now())",
                "create table " + table(CHANGES) + " (seq bigint generated always as identity primary key, message_id uuid not null)");
    }

    /** The partitioned table with its columns, checks and primary key, but no partitions yet. */
    String createTable() {
        List<String> parts = new ArrayList<>(columns().stream().map(Column::ddl).toList());
        parts.add("constraint " + PartitionNames.next(primaryKey()) + " "
                + layout.partitioning().applyTo(constraints(Constraint.Kind.PRIMARY_KEY).get(0)).ddl());
        constraints(Constraint.Kind.CHECK).forEach(check -> parts.add("constraint " + check.name() + " " + check.ddl()));
        return "create table " + table(NEXT_TABLE) + " (\n    " + String.join(",\n    ", parts) + "\n) partition by " + layout.partitionClause();
    }

    /** The hash partitions, {@code messages_p0} to {@code messages_p<N-1>}. */
    List<String> hashPartitions() {
        List<String> statements = new ArrayList<>();
        for (int remainder = 0; remainder < layout.partitions(); remainder++) {
            statements.add("create table " + table(PartitionNames.partition("p" + remainder)) + " partition of " + table(NEXT_TABLE)
                    + " for values with (modulus " + layout.partitions() + ", remainder " + remainder + ")");
        }
        return statements;
    }

    /** The range partitions of {@code ranges}, and the default partition that takes any row outside them. */
    List<String> rangePartitions(List<RangePartitions.Range> ranges) {
        List<String> statements = new ArrayList<>();
        for (RangePartitions.Range range : ranges) {
            statements.add("create table " + table(PartitionNames.partition(range.suffix())) + " partition of " + table(NEXT_TABLE)
                    + " for values from ('" + range.from() + "') to ('" + range.to() + "')");
        }
        statements.add("create table " + table(PartitionNames.partition("default")) + " partition of " + table(NEXT_TABLE) + " default");
        return statements;
    }

    /** The canonical indexes on the empty partitioned table, which creates them on every partition. */
    List<String> indexStatements() {
        return indexes().stream().map(index -> "create index " + PartitionNames.next(index.name()) + " on " + table(NEXT_TABLE)
                + " (" + String.join(", ", index.columns()) + ")").toList();
    }

    /**
     * The foreign key to {@code conversations}, added while the partitioned table is empty: validating it reads no row, and
     * every partition inherits it ({@code not valid} is not supported on a partitioned table).
     */
    List<String> foreignKeys() {
        return constraints(Constraint.Kind.FOREIGN_KEY).stream().map(fk -> "alter table " + table(NEXT_TABLE) + " add constraint "
                + fk.name() + " " + fk.ddl().replace("references " + ChatbotSchema.CONVERSATIONS, "references " + table(ChatbotSchema.CONVERSATIONS)))
                .toList();
    }

    /** The trigger on the plain table that records the id of every message inserted, updated or deleted. */
    List<String> capture() {
        String log = "insert into " + table(CHANGES) + " (message_id) values ";
        return List.of("create function " + table(CAPTURE) + "() returns trigger language plpgsql as $capture$\n"
                        + "begin\n"
                        + "    if tg_op in ('UPDATE', 'DELETE') then " + log + "(old.id); end if;\n"
                        + "    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.id is distinct from old.id) then " + log + "(new.id); end if;\n"
                        + "    return null;\n"
                        + "end\n$capture$",
                "create trigger " + CAPTURE + " after insert or update or delete on " + table(MESSAGES)
                        + " for each row execute function " + table(CAPTURE) + "()");
    }

    String startProgress() {
        return "insert into " + table(PROGRESS) + " (layout) values ('" + layout.describe() + "')";
    }

    /** One batch of the copy: the next rows by id after the position (all from the start when it is null), their count and last id. */
    String copyBatch(boolean fromStart, int batchSize) {
        return "with batch as (select " + columnList() + " from " + table(MESSAGES) + (fromStart ? "" : " where id > ?")
                + " order by id limit " + batchSize + "),\n"
                + "     copied as (insert into " + table(NEXT_TABLE) + " (" + columnList() + ") select " + columnList()
                + " from batch on conflict do nothing)\n"
                + "select count(*), (select id from batch order by id desc limit 1) from batch";
    }

    String recordCopy() {
        return "update " + table(PROGRESS) + " set last_id = ?, copied = copied + ?, copy_done = ?";
    }

    /** Takes the oldest captured changes out of the log, returning their message ids. */
    String takeChanges(int batchSize) {
        return "delete from " + table(CHANGES) + " where seq in (select seq from " + table(CHANGES) + " order by seq limit " + batchSize
                + ") returning message_id";
    }

    /** Replays captured changes: the partitioned table's rows of those ids replaced by the plain table's current ones. */
    List<String> replay() {
        return List.of("delete from " + table(NEXT_TABLE) + " where id = any (?)",
                "insert into " + table(NEXT_TABLE) + " (" + columnList() + ") select " + columnList() + " from " + table(MESSAGES)
                        + " where id = any (?)",
                "update " + table(PROGRESS) + " set replayed = replayed + ?");
    }

    /** The swap after the last changes are replayed under the lock; {@code stamp} names the kept table, if kept. */
    List<String> swap(String stamp) {
        List<String> statements = new ArrayList<>();
        statements.add("drop trigger " + CAPTURE + " on " + table(MESSAGES));
        statements.add("drop function " + table(CAPTURE) + "()");
        if (layout.dropOld()) {
            statements.add("drop table " + table(MESSAGES));
        } else {
            statements.add("alter index " + table(primaryKey()) + " rename to " + PartitionNames.kept(primaryKey(), stamp));
            indexes().forEach(index -> statements.add("alter index " + table(index.name()) + " rename to "
                    + PartitionNames.kept(index.name(), stamp)));
            statements.add("alter table " + table(MESSAGES) + " rename to " + PartitionNames.KEPT_TABLE_PREFIX + stamp);
        }
        statements.add("alter table " + table(NEXT_TABLE) + " rename to " + MESSAGES);
        statements.add("alter index " + table(PartitionNames.next(primaryKey())) + " rename to " + primaryKey());
        indexes().forEach(index -> statements.add("alter index " + table(PartitionNames.next(index.name())) + " rename to " + index.name()));
        statements.add("drop table " + table(CHANGES) + ", " + table(PROGRESS));
        return statements;
    }

    /** pg_partman's registration of the new table, so that the partitions it creates later carry the indexes. */
    String partman(String partmanSchema) {
        return "select " + PartitionNames.qualified(partmanSchema, "create_parent") + "(p_parent_table => '" + schema + "." + MESSAGES
                + "', p_control => 'created_at', p_type => 'native', p_interval => '" + layout.interval().partmanName() + "')";
    }
}
