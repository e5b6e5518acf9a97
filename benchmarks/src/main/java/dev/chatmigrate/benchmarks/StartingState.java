package dev.chatmigrate.benchmarks;

import dev.chatmigrate.contract.DatabaseStates;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database states of DESIGN.md that the benchmarks start from. Public only because JMH sets
 * {@code @Param} fields of this type from generated code.
 */
public enum StartingState {
    /** No chatbot tables, no history: every version is applied. */
    EMPTY,
    /** {@code conversations} as an ORM made it, no {@code messages}, no history: adopted, then completed. */
    PARTIAL,
    /** At the latest version, migrated beforehand by the same engine: the common restart, a no-op. */
    COMPLETE;

    /** Brings the fresh {@code database} to this state; {@code preparation} says where an engine runs for COMPLETE. */
    void prepare(BenchDatabase database, Preparation preparation) throws SQLException {
        switch (this) {
            case EMPTY -> { }
            case PARTIAL -> {
                try (Connection connection = database.connect()) {
                    DatabaseStates.partial(connection);
                }
            }
            case COMPLETE -> preparation.migrate(database);
        }
    }

    /** Whether a migrate leaves the database in this same state, so one database serves many invocations. */
    boolean survivesMigrate() {
        return this == COMPLETE;
    }
}
