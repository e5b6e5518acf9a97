package dev.chatmigrate.testing.states;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical partitioned forms of {@code messages}, made by hand with plain SQL from {@link ChatbotSchema}: what a
 * database holds after an operator (or pg_partman) partitioned it. {@link #partition} replaces the {@code messages} a
 * {@link DatabaseState} made by the partitioned table of the same version, rows kept: every canonical column, check and
 * the foreign key by name, {@code pk_messages} on {@code (id, key)}, every canonical index built on the parent (so on
 * every partition). Range partitions are monthly, covering the rows and two months ahead, plus a default partition;
 * hash partitions are {@value #HASH_PARTITIONS}. The forms are {@link ChatbotSchema#PARTITIONINGS}.
 */
public enum PartitionedMessages {
    /** {@code partition by range (created_at)}, as pg_partman makes it. */
    RANGE_BY_CREATED_AT(Partitioning.Method.RANGE, "created_at"),
    /** {@code partition by hash (conversation_id)}. */
    HASH_BY_CONVERSATION_ID(Partitioning.Method.HASH, "conversation_id");

    /** How many partitions the hash partitioning has. */
    public static final int HASH_PARTITIONS = 4;
    /** How many months the range partitioning makes past the newest row's month, as pg_partman premakes them. */
    private static final int MONTHS_AHEAD = 2;
    private static final String MESSAGES = ChatbotSchema.MESSAGES;
    private static final String ROWS = "chatmigrate_test_partitioned_rows";

    private final Partitioning partitioning;

    PartitionedMessages(Partitioning.Method method, String key) {
        this.partitioning = ChatbotSchema.partitioningBy(MESSAGES, key).filter(declared -> declared.method() == method)
                .orElseThrow(() -> new IllegalStateException("ChatbotSchema declares no partitioning of messages by " + method + " (" + key + ")"));
    }

    /** The canonical partitioning this form is, as {@link ChatbotSchema#PARTITIONINGS} declares it. */
    public Partitioning partitioning() {
        return partitioning;
    }

    /** The partition key column. */
    public String key() {
        return partitioning.key();
    }

    /**
     * Replaces {@code messages} in {@code settings.schema()}, which is at {@code version} (made by {@link DatabaseState}
     * or an engine), by this partitioned form of that version, its rows kept, in one transaction.
     */
    public void partition(MigrationSettings settings, int version) throws SQLException {
        try (Connection connection = settings.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            String schema = settings.schema();
            List<String> columns = ChatbotSchema.columnsAt(MESSAGES, version).stream().map(Column::name).toList();
            String columnList = String.join(", ", columns);
            SampleRows.execute(connection, schema, "create temporary table " + ROWS + " on commit drop as select " + columnList
                    + " from {s}." + MESSAGES + ";\ndrop table {s}." + MESSAGES);
            SampleRows.execute(connection, schema, createTable(version));
            for (String partition : partitionStatements(connection)) {
                SampleRows.execute(connection, schema, partition);
            }
            for (Index index : ChatbotSchema.indexesAt(MESSAGES, version)) {
                SampleRows.execute(connection, schema, "create index " + index.name() + " on {s}." + MESSAGES + " (" + String.join(", ", index.columns()) + ")");
            }
            for (Constraint foreignKey : constraints(version, Constraint.Kind.FOREIGN_KEY)) {
                SampleRows.execute(connection, schema, "alter table {s}." + MESSAGES + " add constraint " + foreignKey.name() + " "
                        + foreignKey.ddl().replace(" references " + ChatbotSchema.CONVERSATIONS + " ", " references {s}." + ChatbotSchema.CONVERSATIONS + " "));
            }
            SampleRows.execute(connection, schema, "insert into {s}." + MESSAGES + " (" + columnList + ") select " + columnList + " from " + ROWS);
            connection.commit();
        }
    }

    /**
     * Creates one more partition of the partitioned {@code messages}, as pg_partman or an operator does later, and
     * returns its name: for range the month after the newest monthly partition; for hash the last partition made anew
     * (detached, replaced by a new table for the same remainder, its rows moved over).
     */
    public String addPartition(MigrationSettings settings) throws SQLException {
        try (Connection connection = settings.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            String schema = settings.schema();
            List<String> partitions = PartitionedCatalog.partitions(connection, schema);
            String partition;
            if (this == RANGE_BY_CREATED_AT) {
                YearMonth next = partitions.stream().filter(name -> name.matches(MESSAGES + "_p\\d{4}_\\d{2}"))
                        .map(name -> YearMonth.parse(name.substring(MESSAGES.length() + 2).replace('_', '-'))).max(YearMonth::compareTo)
                        .orElseThrow(() -> new IllegalStateException("messages has no monthly partition")).plusMonths(1);
                partition = monthly(next);
                SampleRows.execute(connection, schema, monthlyPartition(next));
            } else {
                int remainder = HASH_PARTITIONS - 1;
                partition = MESSAGES + "_p" + remainder;
                String old = partition + "_detached";
                SampleRows.execute(connection, schema, "alter table {s}." + MESSAGES + " detach partition {s}." + partition + ";\n"
                        + "alter table {s}." + partition + " rename to " + old + ";\n"
                        + hashPartition(remainder) + ";\n"
                        + "insert into {s}." + MESSAGES + " select * from {s}." + old + ";\n"
                        + "drop table {s}." + old);
            }
            connection.commit();
            return partition;
        }
    }

    private String createTable(int version) {
        List<String> parts = new ArrayList<>(ChatbotSchema.columnsAt(MESSAGES, version).stream().map(Column::ddl).toList());
        constraints(version, Constraint.Kind.PRIMARY_KEY).forEach(key -> parts.add("constraint " + key.name() + " " + key.ddl()));
        constraints(version, Constraint.Kind.CHECK).forEach(check -> parts.add("constraint " + check.name() + " " + check.ddl()));
        return "create table {s}." + MESSAGES + " (\n    " + String.join(",\n    ", parts) + "\n) partition by " + partitioning.clause();
    }

    private List<String> partitionStatements(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        if (this == HASH_BY_CONVERSATION_ID) {
            for (int remainder = 0; remainder < HASH_PARTITIONS; remainder++) {
                statements.add(hashPartition(remainder));
            }
            return statements;
        }
        OffsetDateTime[] span = rowSpan(connection);
        for (YearMonth month = YearMonth.from(span[0]); !month.isAfter(YearMonth.from(span[1]).plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
            statements.add(monthlyPartition(month));
        }
        statements.add("create table {s}." + MESSAGES + "_default partition of {s}." + MESSAGES + " default");
        return statements;
    }

    /** The oldest and newest {@code created_at} of the kept rows, in UTC; now for both when there is none. */
    private static OffsetDateTime[] rowSpan(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select min(created_at), max(created_at) from " + ROWS)) {
            row.next();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime oldest = row.getObject(1, OffsetDateTime.class);
            OffsetDateTime newest = row.getObject(2, OffsetDateTime.class);
            return new OffsetDateTime[] {oldest == null ? now : oldest.withOffsetSameInstant(ZoneOffset.UTC),
                newest == null ? now : newest.withOffsetSameInstant(ZoneOffset.UTC)};
        }
    }

    private static String monthly(YearMonth month) {
        return String.format("%s_p%04d_%02d", MESSAGES, month.getYear(), month.getMonthValue());
    }

    private static String monthlyPartition(YearMonth month) {
        return "create table {s}." + monthly(month) + " partition of {s}." + MESSAGES + " for values from ('" + month.atDay(1)
                + " 00:00:00+00') to ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')";
    }

    private static String hashPartition(int remainder) {
        return "create table {s}." + MESSAGES + "_p" + remainder + " partition of {s}." + MESSAGES + " for values with (modulus "
                + HASH_PARTITIONS + ", remainder " + remainder + ")";
    }

    private List<Constraint> constraints(int version, Constraint.Kind kind) {
        return ChatbotSchema.constraintsAt(MESSAGES, version, partitioning).stream().filter(c -> c.kind() == kind).toList();
    }
}
