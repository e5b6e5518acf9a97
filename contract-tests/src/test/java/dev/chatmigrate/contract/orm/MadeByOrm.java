package dev.chatmigrate.contract.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.contract.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * One database made by an ORM fixture, shared by the tests of a class (making it runs the ORM, so it is made once):
 * its tests say how to make it and what its catalog looks like; this base checks the rows. When the ORM's tool is
 * missing, every test is skipped with the fixture's message (an aborted {@code @BeforeAll} alone would not show).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MadeByOrm {

    private TestDatabase database;
    private OrmRows written;
    private TestAbortedException unavailable;

    /** Runs the ORM against {@code database}; returns what it wrote. */
    abstract OrmRows make(TestDatabase database);

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

    @Test
    @DisplayName("the rows read back with plain JDBC are the rows the ORM wrote: ids, conversations, contents, timestamps as instants")
    void rowsReadBackAreTheRowsWritten() throws SQLException {
        try (Connection connection = database.connect()) {
            OrmRows read = OrmRows.read(connection, "public");

            assertThat(read).isEqualTo(written);
            assertThat(read.conversations()).hasSize(3);
            assertThat(read.messages()).hasSize(8);
            assertThat(read.messages()).allSatisfy(message -> assertThat(read.conversationIds()).contains(message.conversationId()));
            assertThat(read.conversations()).filteredOn(conversation -> conversation.title() == null).hasSize(1);
        }
    }

    CatalogShape shape(String table) throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogShape.of(connection, table);
        }
    }

    /** The first column of every row {@code sql} returns, as text. */
    List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
