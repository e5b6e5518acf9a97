package dev.chatmigrate.testing.orm;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * One database made by an ORM fixture, shared by the tests of a class (making it runs the ORM, so it is made
 * once). When the ORM's tool is missing, every test is skipped with the fixture's message (an aborted
 * {@code @BeforeAll} alone would not show).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrmDatabaseLifecycle {

    protected TestDatabase database;
    protected OrmRows written;
    private TestAbortedException unavailable;

    /** Runs the ORM against {@code database}; returns what it wrote. */
    protected abstract OrmRows make(TestDatabase database);

    @BeforeAll
    void makeDatabase() {
        database = TestPostgres.server().createDatabase();
        try {
            written = make(database);
        } catch (TestAbortedException e) {
            unavailable = e;
        }
    }

    @BeforeEach
    void skipWithoutTheOrm() {
        if (unavailable != null) {
            Assumptions.abort(unavailable.getMessage());
        }
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
