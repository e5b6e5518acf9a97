package dev.chatmigrate.verifier;

import java.util.List;

/**
 * A constraint as {@code pg_catalog} describes it.
 *
 * @param kind       {@code pg_constraint.contype}: {@code p}, {@code f}, {@code c}, {@code u}, ...
 * @param definition as {@code pg_get_constraintdef} prints it, without the {@code NOT VALID} it appends to a
 *                   constraint whose rows were never checked
 * @param validated  {@code pg_constraint.convalidated}: false for a constraint added {@code not valid} and not
 *                   validated since (an interrupted adoption leaves one)
 */
public record ActualConstraint(String table, String name, char kind, List<String> columns, String definition, boolean validated) {

    /** What {@code pg_get_constraintdef} appends to a constraint that is not validated. */
    static final String NOT_VALID = " NOT VALID";

    public ActualConstraint {
        columns = List.copyOf(columns);
    }

    /** The definition as {@code pg_get_constraintdef} prints it, {@code NOT VALID} included. */
    public String printed() {
        return validated ? definition : definition + NOT_VALID;
    }
}
