package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The session MyBatis runs on: prepared once, lent out in autocommit mode, reset when MyBatis "closes" it. */
class MyBatisSessionTest {

    private TestDatabase database;
    private MyBatisSession session;

    @BeforeEach
    void open() throws SQLException {
        database = TestPostgres.server().createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema chatbot");
        }
        session = MyBatisSession.open(database.settings("mybatis").withSchema("chatbot"));
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    @DisplayName("the session's search_path is the configured schema and PostgreSQL sends it no notices")
    void searchPathAndClientMinMessages() throws SQLException {
        try (Connection connection = session.getConnection()) {
            assertThat(single(connection, "show search_path")).isEqualTo("chatbot");
            assertThat(single(connection, "show client_min_messages")).isEqualTo("warning");
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists probe (id int)");
                statement.execute("create table if not exists probe (id int)");
                assertThat((Throwable) statement.getWarnings()).as("the 'already exists, skipping' notice").isNull();
                statement.execute("do $$ begin raise warning 'a real warning'; end $$");
                assertThat((Throwable) statement.getWarnings()).as("a WARNING still arrives").hasMessageContaining("a real warning");
            }
        }
    }

    @Test
    @DisplayName("a failed query inside MyBatis's transaction does not poison the next loan (mybatis/migrations#51)")
    void eachLoanStartsInAutocommitMode() throws SQLException {
        try (Connection connection = session.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("select count(1) from mybatis_changelog")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeQuery("select 1")).hasMessageContaining("current transaction is aborted");
            }
        }

        try (Connection connection = session.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("select count(1) from mybatis_changelog")).isInstanceOf(SQLException.class);
            }
            assertThat(single(connection, "select 'still usable'")).isEqualTo("still usable");
        }
    }

    @Test
    @DisplayName("commit() in autocommit mode, as MyBatis does after a changelog row, is accepted; the row is written")
    void commitInAutocommitModeIsANoOp() throws SQLException {
        try (Connection connection = session.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table rows_written (id int)");
            statement.execute("insert into rows_written values (1)");
            connection.commit();
        }
        try (Connection connection = database.connect()) {
            assertThat(single(connection, "select count(*) from chatbot.rows_written")).isEqualTo("1");
        }
    }

    @Test
    @DisplayName("MyBatis closing a loan leaves the session open; closing the session ends it")
    void closingALoanKeepsTheSession() throws SQLException {
        Connection loan = session.getConnection();
        loan.close();
        assertThat(single(session.getConnection(), "select 'open'")).isEqualTo("open");

        session.close();
        assertThat(session.getConnection().isClosed()).isTrue();
    }
}
