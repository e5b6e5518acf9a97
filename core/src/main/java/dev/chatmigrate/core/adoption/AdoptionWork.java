package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One adoption being planned: the database read (catalog and data), what it was asked to convert, and what the
 * planners found so far — steps in order, conflicts, the settings conflicts ask for, objects left in place.
 */
final class AdoptionWork {

    /** How many ids a conflict names. */
    private static final int IDS_SHOWN = 5;

    /** Rows that stand in the way: how many, and the first few ids. */
    record Offenders(long count, List<String> ids) {

        boolean any() {
            return count > 0;
        }

        @Override
        public String toString() {
            return count + (count == 1 ? " row" : " rows") + " (id " + String.join(", ", ids) + (count > ids.size() ? ", ..." : "") + ")";
        }
    }

    final Connection connection;
    final String schema;
    final int target;
    final AdoptionOptions options;
    final CatalogSnapshot catalog;
    final List<AdoptionStep> steps = new ArrayList<>();
    final List<String> conflicts = new ArrayList<>();
    final Set<String> refusedSettings = new LinkedHashSet<>();
    final List<String> extras = new ArrayList<>();
    /** Columns whose type cannot become the canonical one: their constraints and indexes are not planned. */
    final Set<String> unusableColumns = new java.util.HashSet<>();
    /** Constraints whose rows a planner has already checked (and reported). */
    final Set<String> checkedConstraints = new java.util.HashSet<>();
    /** Per table, the step that ends in an {@code alter table} rewriting it: later type changes join it, so the table is rewritten once. */
    final java.util.Map<String, Integer> rewritingAlter = new java.util.HashMap<>();
    /** Columns a step adds. */
    final Set<String> addedColumns = new java.util.HashSet<>();

    AdoptionWork(Connection connection, String schema, int target, AdoptionOptions options) throws SQLException {
        this.connection = connection;
        this.schema = schema;
        this.target = target;
        this.options = options;
        this.catalog = CatalogSnapshot.read(connection, schema);
    }

    void step(String description, String sql, String lock, boolean rewrites) {
        steps.add(AdoptionStep.of(description, sql, lock, rewrites));
    }

    void conflict(String difference) {
        conflicts.add(difference);
    }

    /** A conflict only because converting changes values: {@code setting} would allow it. */
    void refuse(String difference, String setting) {
        conflicts.add(difference);
        refusedSettings.add(setting);
    }

    /** Whether the table is one adoption reconciles at the target. */
    boolean adopts(String table) {
        return catalog.hasTable(table) && ChatbotSchema.table(table).version() <= target;
    }

    /** The canonical partitioning of {@code table}, when it is partitioned so; empty for a plain table (or another partitioning). */
    java.util.Optional<Partitioning> partitioning(String table) {
        return catalog.partitionKey(table).flatMap(key -> ChatbotSchema.partitioning(table, key));
    }

    /** Whether every column exists (or is being added) with a type that becomes the canonical one. */
    boolean usable(String table, List<String> columns) {
        return columns.stream().allMatch(column -> !unusableColumns.contains(table + "." + column)
                && (catalog.column(table, column).isPresent() || addedColumns.contains(table + "." + column)));
    }

    /** The rows of {@code table} for which {@code condition} holds. */
    Offenders offenders(String table, String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), (array_agg(id::text order by id))[1:" + IDS_SHOWN + "] from "
                     + qualified(table) + " where " + condition)) {
            rows.next();
            java.sql.Array ids = rows.getArray(2);
            return new Offenders(rows.getLong(1), ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()));
        }
    }

    boolean hasRows(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from " + qualified(table) + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    String qualified(String table) {
        return SchemaTables.qualified(schema, table);
    }

    /** An object of the schema named as the catalog spells it, quoted. */
    String schemaQualified(String name) {
        return Sql.identifier(schema) + "." + Sql.identifier(name);
    }
}
