package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes existing chatbot tables canonical before an engine runs, the same way for every engine: tables an ORM,
 * Alembic or another engine made are adopted. {@link #plan} lists the steps (with SQL, lock and whether the table is
 * rewritten) after checking the data, in the order {@link #reconcile} runs exactly those steps: in one transaction, then
 * the ones no transaction may hold (concurrent builds, validations). What keeps
 * every stored value is done automatically; what changes values (integer ids to uuid, roles in another letter case)
 * only when {@link AdoptionOptions} asks; what would lose information never. On any conflict nothing is changed.
 * Objects the canonical schema does not have are left in place and reported. Only objects of versions up to the
 * target are touched (the engine's idempotent steps complete the rest); on a canonical schema this is a no-op.
 */
public final class SchemaAdoption {

    /**
     * What adoption would do.
     *
     * @param conversions the value-changing conversions among the steps, by setting
     */
    public record Plan(List<AdoptionStep> steps, List<String> conflicts, List<String> refusedSettings, List<String> extras,
                       List<String> conversions) {

        public Plan {
            steps = List.copyOf(steps);
            conflicts = List.copyOf(conflicts);
            refusedSettings = List.copyOf(refusedSettings);
            extras = List.copyOf(extras);
            conversions = List.copyOf(conversions);
        }

        /** The report's lines: one per step, then one per object left in place. */
        public List<String> notes() {
            List<String> notes = new ArrayList<>(steps.stream().map(AdoptionStep::description).toList());
            extras.forEach(extra -> notes.add("left in place " + extra + ": not part of the canonical schema"));
            return notes;
        }
    }

    private SchemaAdoption() {
    }

    /**
     * What {@link #reconcile} would do, planned in a read-only transaction of its own on {@code connection} (in
     * autocommit mode, and left so), without any lock: what {@code plan} shows.
     */
    public static Plan planReadOnly(Connection connection, String schema, int target, AdoptionOptions options) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
            return plan(connection, schema, target, options);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** What {@link #reconcile} would do, read in the caller's transaction; changes nothing. */
    public static Plan plan(Connection connection, String schema, int target, AdoptionOptions options) throws SQLException {
        AdoptionWork work = new AdoptionWork(connection, schema, target, options);
        boolean conversations = work.catalog.hasTable(ChatbotSchema.CONVERSATIONS);
        boolean messages = work.catalog.hasTable(ChatbotSchema.MESSAGES);
        if (messages && !conversations) {
            work.conflict("table messages: expected only together with table conversations, found messages alone;"
                    + " create conversations or drop messages");
        } else if (conversations) {
            IdConversion.plan(work);
            RoleAdoption.plan(work);
            for (String table : List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES)) {
                if (work.adopts(table)) {
                    ColumnAdoption.plan(work, table);
                }
            }
            for (String table : List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES)) {
                if (work.adopts(table)) {
                    ConstraintAdoption.plan(work, table);
                }
            }
        }
        if (work.steps.stream().anyMatch(step -> !step.concurrent())) {
            work.steps.add(0, lockInTheChatbotsOrder(work));
        }
        // in the order reconcile runs them: the transaction's steps, then those that run after it
        List<AdoptionStep> inRunOrder = Stream.concat(work.steps.stream().filter(step -> !step.concurrent()),
                work.steps.stream().filter(AdoptionStep::concurrent)).toList();
        return new Plan(inRunOrder, work.conflicts, List.copyOf(work.refusedSettings), work.extras, conversions(work));
    }

    /**
     * Reconciles the chatbot tables in {@code schema} with the canonical schema up to {@code target}.
     * {@code connection} must be in autocommit mode; it is left so.
     *
     * @return one sentence per change made and per object left in place; empty when nothing was changed (objects
     *         left in place are then not repeated: {@code verify} reports them)
     * @throws AdoptionConflictException listing every conflict, when anything cannot be reconciled
     */
    public static List<String> reconcile(Connection connection, String schema, int target, AdoptionOptions options) {
        try {
            Plan plan = Sql.inTransaction(connection, () -> {
                Plan planned = plan(connection, schema, target, options);
                refuseOnConflicts(planned, schema);
                try (Statement statement = connection.createStatement()) {
                    for (AdoptionStep step : planned.steps()) {
                        if (!step.concurrent()) {
                            statement.execute(step.sql());
                        }
                    }
                }
                return planned;
            });
            try (Statement statement = connection.createStatement()) {
                for (AdoptionStep step : plan.steps()) {
                    if (step.concurrent()) {
                        for (String sql : step.sql().split(";")) {
                            statement.execute(sql);
                        }
                    }
                }
            }
            return plan.steps().isEmpty() ? List.of() : plan.notes();
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "Adopting the existing chatbot tables in schema " + schema
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Locks the existing chatbot tables, {@code messages} first, before any change: the chatbot's insert into
     * {@code messages} locks it, then {@code conversations} for the foreign key check, so changes that locked
     * {@code conversations} first could deadlock with it (seen on 10 M messages: PostgreSQL broke the deadlock
     * by failing the chatbot's insert). Each wait is bounded by the DDL lock timeout, and retried.
     */
    private static AdoptionStep lockInTheChatbotsOrder(AdoptionWork work) {
        List<String> tables = new ArrayList<>();
        for (String table : List.of(ChatbotSchema.MESSAGES, ChatbotSchema.CONVERSATIONS)) {
            if (work.catalog.hasTable(table)) {
                tables.add(work.qualified(table));
            }
        }
        return AdoptionStep.of("locked messages, then conversations, in the order the chatbot's own inserts lock them",
                "lock table " + String.join(", ", tables) + " in access exclusive mode",
                "ACCESS EXCLUSIVE on " + String.join(" and ", tables.stream().map(t -> t.substring(t.indexOf('.') + 1)).toList())
                        + " until adoption commits: readers and writers wait for the whole transaction", false);
    }

    /** Reconciles with the default options: nothing converted, zone-less timestamps read as UTC. */
    public static List<String> reconcile(Connection connection, String schema, int target) {
        return reconcile(connection, schema, target, AdoptionOptions.DEFAULT);
    }

    /** Throws {@link AdoptionConflictException} when {@code plan} has conflicts. */
    public static void refuseOnConflicts(Plan plan, String schema) {
        if (!plan.conflicts().isEmpty()) {
            throw new AdoptionConflictException("The chatbot tables in schema " + schema + " cannot be adopted as they are;"
                    + " nothing was changed. Each difference says what was found and what to do:", plan.conflicts(), plan.refusedSettings());
        }
    }

    private static List<String> conversions(AdoptionWork work) {
        List<String> requested = new ArrayList<>();
        if (work.options.convertIds()) {
            requested.add("convert-ids: integer ids become uuids, old ids kept in " + IdConversion.ID_MAP);
        }
        if (work.options.lowercaseRoles()) {
            requested.add("lowercase-roles: roles differing from a canonical one only in letter case become it");
        }
        return requested;
    }
}
