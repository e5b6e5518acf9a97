package dev.chatmigrate.core.internal;

import dev.chatmigrate.core.internal.CatalogSnapshot.ActualColumn;
import dev.chatmigrate.core.internal.CatalogSnapshot.ActualConstraint;
import dev.chatmigrate.core.internal.CatalogSnapshot.ActualIndex;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes existing chatbot tables canonical before an engine runs, the same way for every engine.
 *
 * <p>Tables that an ORM, Alembic or another engine made are adopted: missing columns and constraints
 * are added, an equivalent constraint or index under another name is renamed to the canonical name,
 * defaults and nullability are aligned, and an index left INVALID by an interrupted concurrent build
 * is rebuilt. Every conflict (a change that would need to change data) is found first, and then
 * nothing is changed at all. The engines' own steps are idempotent, so they complete the rest.
 * Only objects of versions up to the target are touched; on a canonical schema this is a no-op.
 */
public final class SchemaAdoption {

    private record Change(String description, String sql, boolean concurrent) {
    }

    private final Connection connection;
    private final String schema;
    private final int target;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private final Set<String> mismatchedColumns = new HashSet<>();
    private final Set<String> addedColumns = new HashSet<>();
    private CatalogSnapshot catalog;

    private SchemaAdoption(Connection connection, String schema, int target) {
        this.connection = connection;
        this.schema = schema;
        this.target = target;
    }

    /**
     * Reconciles the chatbot tables in {@code schema} with the canonical schema up to {@code target}.
     * {@code connection} must be in autocommit mode; it is left so.
     *
     * @return one sentence per change made; empty when the tables were canonical or absent
     * @throws SchemaConflictException listing every conflict, when anything cannot be reconciled
     */
    public static List<String> reconcile(Connection connection, String schema, int target) {
        try {
            return new SchemaAdoption(connection, schema, target).run();
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "Adopting the existing chatbot tables in schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> run() throws SQLException {
        connection.setAutoCommit(false);
        try {
            catalog = CatalogSnapshot.read(connection, schema);
            plan();
            if (!conflicts.isEmpty()) {
                throw new SchemaConflictException("The chatbot tables in schema " + schema + " cannot be adopted without changing data;"
                        + " nothing was changed. Fix these differences (or use an empty schema) and run again:", conflicts);
            }
            try (Statement statement = connection.createStatement()) {
                if (changes.stream().anyMatch(change -> !change.concurrent())) {
                    lockInTheChatbotsOrder(statement);
                }
                for (Change change : changes) {
                    if (!change.concurrent()) {
                        statement.execute(change.sql());
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            for (Change change : changes) {
                if (change.concurrent()) {
                    for (String sql : change.sql().split(";")) {
                        statement.execute(sql);
                    }
                }
            }
        }
        return changes.stream().map(Change::description).toList();
    }

    /**
     * Locks the existing chatbot tables, {@code messages} first, before any change: the chatbot's insert into
     * {@code messages} locks it, then {@code conversations} for the foreign key check, so changes that locked
     * {@code conversations} first could deadlock with it (seen on 10 M messages: PostgreSQL broke the deadlock
     * by failing the chatbot's insert). Each wait is bounded by the DDL lock timeout, and retried.
     */
    private void lockInTheChatbotsOrder(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String table : List.of(ChatbotSchema.MESSAGES, ChatbotSchema.CONVERSATIONS)) {
            if (catalog.hasTable(table)) {
                tables.add(qualified(table));
            }
        }
        if (!tables.isEmpty()) {
            statement.execute("lock table " + String.join(", ", tables) + " in access exclusive mode");
        }
    }

    private void plan() throws SQLException {
        boolean conversations = catalog.hasTable(ChatbotSchema.CONVERSATIONS);
        boolean messages = catalog.hasTable(ChatbotSchema.MESSAGES);
        if (messages && !conversations) {
            conflicts.add("table messages: expected only together with table conversations, found messages alone;"
                    + " create conversations or drop messages");
            return;
        }
        for (String table : List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES)) {
            if (catalog.hasTable(table) && ChatbotSchema.table(table).version() <= target) {
                planColumns(table);
                planConstraints(table);
                planIndexes(table);
            }
        }
    }

    private void planColumns(String table) throws SQLException {
        for (Column column : ChatbotSchema.COLUMNS) {
            if (!column.table().equals(table) || column.version() > target) {
                continue;
            }
            Optional<ActualColumn> found = catalog.column(table, column.name());
            String where = "column " + table + "." + column.name();
            if (found.isEmpty()) {
                if (column.version() > ChatbotSchema.table(table).version()) {
                    continue; // a later version's step adds it
                }
                if (column.notNull() && column.defaultValue() == null && hasRows(table)) {
                    conflicts.add(where + ": expected " + column.type() + " not null, found no such column in a table with rows;"
                            + " add it and fill it yourself");
                } else {
                    change("added " + where, "alter table " + qualified(table) + " add column " + column.ddl());
                    addedColumns.add(table + "." + column.name());
                }
                continue;
            }
            ActualColumn actual = found.get();
            if (!actual.type().equals(column.type())) {
                conflicts.add(where + ": expected type " + column.type() + ", found " + actual.type()
                        + "; changing a column's type can change or lose data, so convert it yourself");
                mismatchedColumns.add(table + "." + column.name());
                continue;
            }
            if (column.notNull() && !actual.notNull()) {
                if (exists("select 1 from " + qualified(table) + " where " + column.name() + " is null")) {
                    conflicts.add(where + ": expected not null, found null values; fill or delete those rows");
                } else {
                    change("made " + where + " not null", "alter table " + qualified(table) + " alter column " + column.name() + " set not null");
                }
            } else if (!column.notNull() && actual.notNull()) {
                change("made " + where + " nullable", "alter table " + qualified(table) + " alter column " + column.name() + " drop not null");
            }
            if (!Objects.equals(column.defaultValue(), actual.defaultValue())) {
                change("set the default of " + where + " to " + column.defaultValue(), "alter table " + qualified(table) + " alter column "
                        + column.name() + (column.defaultValue() == null ? " drop default" : " set default " + column.defaultValue()));
            }
        }
    }

    private void planConstraints(String table) throws SQLException {
        List<ActualConstraint> actual = catalog.constraints(table);
        for (Constraint constraint : ChatbotSchema.CONSTRAINTS) {
            if (!constraint.table().equals(table) || constraint.version() > target || !usable(table, constraint.columns())) {
                continue;
            }
            Optional<ActualConstraint> named = actual.stream().filter(a -> a.name().equals(constraint.name())).findFirst();
            if (named.isPresent()) {
                if (!named.get().definition().equals(constraint.definition())) {
                    conflicts.add("constraint " + constraint.name() + " on " + table + ": expected " + constraint.definition()
                            + ", found " + named.get().definition() + "; drop or rename it");
                }
                continue;
            }
            Optional<ActualConstraint> equivalent = actual.stream()
                    .filter(a -> a.kind() == constraint.kind().code() && a.columns().equals(constraint.columns()))
                    .filter(a -> constraint.kind() != Constraint.Kind.CHECK || a.definition().equals(constraint.definition()))
                    .findFirst();
            String alter = "alter table " + qualified(table);
            if (equivalent.isPresent() && (constraint.kind() != Constraint.Kind.FOREIGN_KEY || equivalent.get().definition().equals(constraint.definition()))) {
                change("renamed constraint " + equivalent.get().name() + " on " + table + " to " + constraint.name(),
                        alter + " rename constraint " + equivalent.get().name() + " to " + constraint.name());
            } else if (equivalent.isPresent()) {
                change("replaced foreign key " + equivalent.get().name() + " (" + equivalent.get().definition() + ") by " + constraint.name(),
                        alter + " drop constraint " + equivalent.get().name() + ", add constraint " + constraint.name() + " " + constraint.ddl());
            } else if (violated(table, constraint)) {
                conflicts.add("constraint " + constraint.name() + " on " + table + ": expected " + constraint.definition()
                        + ", found rows that violate it; fix those rows first");
            } else {
                change("added constraint " + constraint.name() + " on " + table, alter + " add constraint " + constraint.name() + " " + constraint.ddl());
            }
        }
    }

    private void planIndexes(String table) {
        List<ActualIndex> actual = catalog.indexes(table);
        for (Index index : ChatbotSchema.INDEXES) {
            if (!index.table().equals(table) || index.version() > target || !usable(table, index.columns())) {
                continue;
            }
            String create = "create index concurrently " + index.name() + " on " + qualified(table) + " (" + String.join(", ", index.columns()) + ")";
            Optional<ActualIndex> named = actual.stream().filter(a -> a.name().equals(index.name())).findFirst();
            if (named.isPresent()) {
                if (!named.get().plain() || !named.get().columns().equals(index.columns())) {
                    conflicts.add("index " + index.name() + " on " + table + ": expected btree (" + String.join(", ", index.columns())
                            + "), found another definition on (" + String.join(", ", named.get().columns()) + "); drop or rename it");
                } else if (!named.get().valid()) {
                    changes.add(new Change("rebuilt index " + index.name() + ", left INVALID by an interrupted concurrent build",
                            "drop index concurrently " + qualified(index.name()) + ";" + create, true));
                }
                continue;
            }
            actual.stream()
                    .filter(a -> a.plain() && a.valid() && a.columns().equals(index.columns()))
                    .findFirst()
                    .ifPresent(a -> change("renamed index " + a.name() + " on " + table + " to " + index.name(),
                            "alter index " + qualified(a.name()) + " rename to " + index.name()));
        }
    }

    /** Whether every column exists (or is being added) with the canonical type; conflicts are reported once, by column. */
    private boolean usable(String table, List<String> columns) {
        return columns.stream().allMatch(column -> !mismatchedColumns.contains(table + "." + column)
                && (catalog.column(table, column).isPresent() || addedColumns.contains(table + "." + column)));
    }

    private boolean violated(String table, Constraint constraint) throws SQLException {
        String t = qualified(table);
        return switch (constraint.kind()) {
            case PRIMARY_KEY -> exists("select 1 from " + t + " group by id having count(*) > 1")
                    || exists("select 1 from " + t + " where id is null");
            case FOREIGN_KEY -> exists("select 1 from " + t + " m where m.conversation_id is not null and not exists"
                    + " (select 1 from " + qualified(ChatbotSchema.CONVERSATIONS) + " c where c.id = m.conversation_id)");
            case CHECK -> exists("select 1 from " + t + " where not " + constraint.checkCondition());
        };
    }

    private boolean hasRows(String table) throws SQLException {
        return exists("select 1 from " + qualified(table));
    }

    private boolean exists(String query) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (" + query + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private void change(String description, String sql) {
        changes.add(new Change(description, sql, false));
    }

    private String qualified(String name) {
        return SchemaTables.qualified(schema, name);
    }
}
