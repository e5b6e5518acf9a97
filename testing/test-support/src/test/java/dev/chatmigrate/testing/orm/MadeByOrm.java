package dev.chatmigrate.testing.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A database made by an ORM fixture whose rows read back as the ORM wrote them; its tests say how to make it and what its catalog looks like. */
abstract class MadeByOrm extends OrmDatabaseLifecycle {

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
