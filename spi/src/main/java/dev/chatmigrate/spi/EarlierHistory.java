package dev.chatmigrate.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Where earlier chatmigrate releases kept an engine's history: under the engine library's default names
 * ({@code flyway_schema_history}, {@code databasechangelog}), which an application's own Flyway or Liquibase uses too.
 * The runner carries such a history over to the engine's own names ({@link MigrationEngineProvider#historyTables()})
 * only when {@link #isChatmigrates(ResultSet)} recognises every row as chatmigrate's; anything else is the
 * application's and is left alone (see {@code docs/design.md}, "Shared databases").
 */
public interface EarlierHistory {

    /**
     * The earlier names, in the order of {@link MigrationEngineProvider#historyTables()}: the table at index {@code i}
     * becomes {@code historyTables().get(i)}. The first records the versions.
     */
    List<String> tables();

    /** One {@code select} of the rows of the first of {@link #tables()} in {@code schema}, without a trailing semicolon. */
    String query(String schema);

    /**
     * Whether the rows of {@link #query(String)} are all chatmigrate's own, recognised exactly (script names and
     * checksums, changeset ids, author and changelog file), and at least one is: only then is the history carried over.
     */
    boolean isChatmigrates(ResultSet rows) throws SQLException;
}
