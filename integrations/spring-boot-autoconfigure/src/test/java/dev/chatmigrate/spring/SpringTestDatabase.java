package dev.chatmigrate.spring;

import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A test database as Spring properties, and the queries the tests ask of it. */
final class SpringTestDatabase {

    private SpringTestDatabase() {
    }

    /** {@code spring.datasource.*} for {@code database}. */
    static String[] dataSource(TestDatabase database) {
        return new String[] {"spring.datasource.url=" + database.database().jdbcUrl(), "spring.datasource.username=" + database.database().user(),
                "spring.datasource.password=" + database.database().password()};
    }

    static boolean exists(TestDatabase database, String qualifiedTable) throws SQLException {
        return queryBoolean(database, "select to_regclass('" + qualifiedTable + "') is not null");
    }

    static boolean queryBoolean(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
