package dev.chatmigrate.cli.compare;

import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The database states compared: what a fresh deployment, an ORM-made start and an ordinary restart find. */
public enum DatabaseState {
    /** No chatbot tables: every version is applied. */
    EMPTY,
    /** {@code conversations} as an ORM made it, with rows; no {@code messages}, no history: adopted, then completed. */
    PARTIAL,
    /** Already at the latest version, recorded by the same engine: the common restart, nothing to do. */
    COMPLETE;

    /** Creates {@code settings.schema()} in this state; COMPLETE is migrated with {@code provider} itself. */
    void prepare(Connection connection, MigrationSettings settings, MigrationEngineProvider provider) throws SQLException {
        String schema = "\"" + settings.schema() + "\"";
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade; create schema " + schema);
            if (this == PARTIAL) {
                statement.execute("create table " + schema + ".conversations (id uuid not null, user_id varchar(255) not null, title varchar(255),"
                        + " created_at timestamptz not null, updated_at timestamptz not null, constraint conversations_pkey primary key (id));"
                        + " insert into " + schema + ".conversations select gen_random_uuid(), 'user-' || n, null, now(), now()"
                        + " from generate_series(1, 100) n");
            }
        }
        if (this == COMPLETE) {
            new MigrationRunner(settings, provider).migrate();
        }
    }
}
