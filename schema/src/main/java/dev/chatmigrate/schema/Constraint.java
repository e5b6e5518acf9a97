package dev.chatmigrate.schema;

import java.util.List;

/**
 * A constraint and the version that adds it.
 *
 * @param definition as {@code pg_get_constraintdef} prints it
 * @param ddl        as the scripts write it (a check re-parsed from its printed form would print differently)
 */
public record Constraint(String table, String name, Kind kind, List<String> columns, String definition, String ddl, int version) {

    /** The kinds of constraint the schema uses, with the letter {@code pg_constraint.contype} stores. */
    public enum Kind {
        PRIMARY_KEY('p'), FOREIGN_KEY('f'), CHECK('c');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** The {@code pg_constraint.contype} letter. */
        public char code() {
            return code;
        }
    }

    public Constraint {
        columns = List.copyOf(columns);
    }

    /** For a check constraint: its condition as the scripts write it, without {@code check}. */
    public String checkCondition() {
        if (kind != Kind.CHECK) {
            throw new IllegalStateException(name + " is not a check constraint");
        }
        return ddl.substring("check ".length());
    }
}
