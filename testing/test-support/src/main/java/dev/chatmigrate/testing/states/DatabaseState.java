package dev.chatmigrate.testing.states;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A state a database is in when a migration starts, and how to make it in a fresh schema. States made
 * "by an ORM" or "by Alembic" are plain SQL shaped like what those tools make (their own constraint
 * and index names, no defaults, no checks, a foreign key without cascade); the others are made by
 * running an engine through the SPI alone ({@link MigrationEngineProvider#open}, then {@code migrate}): on a schema
 * without chatbot tables that is all chatmigrate's runner would do, and it keeps the states free of
 * {@code chatmigrate-core}, so that core's own tests start from them.
 */
public enum DatabaseState {
    /** No chatbot tables, no history: every version is applied. */
    EMPTY,
    /** {@code conversations} as an ORM made it, with rows; no {@code messages}, no history: adopted, then completed. */
    PARTIAL,
    /** At the latest version, recorded by the engine under test: the common restart, nothing to do. */
    COMPLETE,
    /** Both tables with rows, as SQLAlchemy and Alembic made them (with an {@code alembic_version} table): adopted, rows kept. */
    UNTRACKED,
    /** At the latest version with rows, built by another chatmigrate engine: adopted, rows kept. */
    OTHER_ENGINE,
    /** {@code messages.conversation_id} is {@code text}, which cannot become {@code uuid} without changing data: refused. */
    CONFLICT,
    /** At {@link #BEHIND_VERSION} with rows, recorded by the engine under test: upgraded, rows kept. */
    BEHIND;

    /** The states that {@code compare} and the benchmarks measure: a first deployment, an ORM-made start, a restart. */
    public static final List<DatabaseState> MEASURED = List.of(EMPTY, PARTIAL, COMPLETE);

    /** The version a {@link #BEHIND} database is at: the first one with every table, so that every table holds rows. */
    public static final int BEHIND_VERSION = ChatbotSchema.VERSIONS.stream().mapToInt(v -> v.number())
            .filter(v -> ChatbotSchema.tablesAt(v).size() == ChatbotSchema.TABLES.size()).min().orElseThrow();

    /** Whether making this state runs an engine, rather than plain SQL only. */
    public boolean madeByAnEngine() {
        return this == COMPLETE || this == OTHER_ENGINE || this == BEHIND;
    }

    /**
     * Makes this state in {@code settings.schema()} (created if missing, expected to hold no chatbot
     * tables), running {@code engine} for COMPLETE and BEHIND; OTHER_ENGINE needs the other engine named
     * ({@link #prepare(MigrationSettings, MigrationEngineProvider, MigrationEngineProvider)}).
     */
    public void prepare(MigrationSettings settings, MigrationEngineProvider engine) throws SQLException {
        prepare(settings, engine, null);
    }

    /** Makes this state as {@link #prepare(MigrationSettings, MigrationEngineProvider)} does, building OTHER_ENGINE with {@code otherEngine}. */
    public void prepare(MigrationSettings settings, MigrationEngineProvider engine, MigrationEngineProvider otherEngine) throws SQLException {
        try (Connection connection = settings.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            SampleRows.execute(connection, settings.schema(), "create schema if not exists {s}");
            switch (this) {
                case COMPLETE -> migrate(settings, engine, ChatbotSchema.LATEST_VERSION);
                case BEHIND -> {
                    migrate(settings, engine, BEHIND_VERSION);
                    SampleRows.insert(connection, settings.schema());
                }
                case OTHER_ENGINE -> {
                    if (otherEngine == null || otherEngine.id().equals(engine.id())) {
                        throw new IllegalArgumentException("OTHER_ENGINE needs an engine other than " + engine.id() + " to build the tables; name one");
                    }
                    migrate(settings.withEngine(otherEngine.id()), otherEngine, ChatbotSchema.LATEST_VERSION);
                    SampleRows.insert(connection, settings.schema());
                }
                default -> prepare(connection, settings.schema());
            }
        }
    }

    private static void migrate(MigrationSettings settings, MigrationEngineProvider provider, int version) {
        try (MigrationEngine engine = provider.open(settings)) {
            engine.migrate(version);
        }
    }

    /**
     * Makes this state in {@code schema} with plain SQL on {@code connection} (autocommit). Only for the
     * states no engine makes; the others throw {@link IllegalStateException}.
     */
    public void prepare(Connection connection, String schema) throws SQLException {
        switch (this) {
            case EMPTY -> { }
            case PARTIAL -> {
                SampleRows.execute(connection, schema, ORM_CONVERSATIONS);
                SampleRows.insertConversations(connection, schema);
            }
            case UNTRACKED -> {
                SampleRows.execute(connection, schema, ALEMBIC_VERSION + ORM_CONVERSATIONS + ORM_MESSAGES);
                SampleRows.insert(connection, schema);
            }
            case CONFLICT -> {
                SampleRows.execute(connection, schema, ORM_CONVERSATIONS + TEXT_REFERENCE_MESSAGES);
                SampleRows.insertConversations(connection, schema);
                SampleRows.execute(connection, schema, "insert into {s}.messages (id, conversation_id, role, content)"
                        + " select gen_random_uuid(), id::text, 'user', 'hi' from {s}.conversations");
            }
            default -> throw new IllegalStateException(this + " is made by running an engine: use prepare(settings, engine)");
        }
    }

    private static final String ORM_CONVERSATIONS = """
            create table {s}.conversations (
                id uuid not null,
                user_id varchar(255) not null,
                title varchar(255),
                created_at timestamptz not null,
                updated_at timestamptz not null,
                constraint conversations_pkey primary key (id)
            );
            create index conversations_user_id_idx on {s}.conversations (user_id);
            """;

    private static final String ALEMBIC_VERSION = """
            create table {s}.alembic_version (version_num varchar(32) not null, constraint alembic_version_pkc primary key (version_num));
            insert into {s}.alembic_version values ('5f3c2a9e1b7d');
            """;

    private static final String ORM_MESSAGES = """
            create table {s}.messages (
                id uuid not null,
                conversation_id uuid not null,
                role varchar(16) not null,
                content text not null,
                created_at timestamptz not null,
                constraint messages_pkey primary key (id),
                constraint messages_conversation_id_fkey foreign key (conversation_id) references {s}.conversations (id)
            );
            create index messages_conversation_id_created_at_idx on {s}.messages (conversation_id, created_at);
            """;

    private static final String TEXT_REFERENCE_MESSAGES = """
            create table {s}.messages (
                id uuid primary key,
                conversation_id text not null,
                role varchar(16) not null,
                content text not null,
                created_at timestamptz not null default now()
            );
            """;
}
