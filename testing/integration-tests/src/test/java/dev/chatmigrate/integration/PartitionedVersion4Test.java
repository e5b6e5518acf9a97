package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine runs version 4 and its undo on a {@code messages} partitioned by range of {@code created_at}, whose
 * {@code ix_messages_created_at} was built partition by partition and attached beforehand, as chatmigrate's adoption
 * does (docs/design.md, "Partitioned messages"): opened with {@code withPartitionedMessages(true)}, the engine records
 * version 4 without building anything, its undo drops the index from the parent and every partition, and the history
 * stays the one its up-to-date check proves.
 */
class PartitionedVersion4Test {

    private static final String INDEX = "ix_messages_created_at";

    @FreshDatabase
    private TestDatabase database;

    static Stream<String> engines() {
        return MigrationEngines.measuredIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("on a partitioned messages with the index built per partition, version 4 records, its undo drops the index everywhere, and it records again")
    void version4RecordsAndUndoesOnAPartitionedMessages(String id) throws SQLException {
        MigrationEngineProvider provider = MigrationEngines.measured(id);
        MigrationSettings plain = database.settings(id);
        try (MigrationEngine engine = provider.open(plain)) {
            engine.migrate(3);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into conversations (user_id) values ('u1')");
            statement.execute("insert into messages (conversation_id, role, content, created_at) select id, 'user', 'hello', t"
                    + " from conversations, (values (timestamptz '2026-11-15'), (timestamptz '2026-12-15'), (timestamptz '2025-01-01')) v(t)");
            partition(statement);
            buildIndexPerPartition(statement);
        }

        MigrationSettings partitioned = plain.withPartitionedMessages(true);
        try (MigrationEngine engine = provider.open(partitioned)) {
            assertThat(engine.migrate(ChatbotSchema.LATEST_VERSION).versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(engine.status().applied()).contains(4);
            assertThat(engine.validate().problems()).isEmpty();
        }
        assertIndexOnParentAndEveryPartition(provider);

        try (MigrationEngine engine = provider.open(partitioned)) {
            assertThat(engine.downgrade(3).versionAfter()).isEqualTo(3);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(indexesOnCreatedAtAlone(statement)).as("ix_messages_created_at and its partitions' indexes").isEmpty();
            assertThat(provider.verifiedVersion(connection, "public")).hasValue(3);
            buildIndexPerPartition(statement);
        }

        try (MigrationEngine engine = provider.open(partitioned)) {
            assertThat(engine.migrate(ChatbotSchema.LATEST_VERSION).versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(engine.validate().problems()).isEmpty();
        }
        assertIndexOnParentAndEveryPartition(provider);
        if ("liquibase".equals(id)) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select exectype from chatmigrate_changelog where id = 'v4-create-index-" + INDEX + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("the up never runs on a partitioned messages: its precondition marks it ran").isEqualTo("MARK_RAN");
            }
        }
    }

    /** messages, at version 3, made partitioned by range of created_at, monthly plus a default partition, with its canonical constraints and indexes. */
    private static void partition(Statement statement) throws SQLException {
        statement.execute("begin");
        statement.execute("create temporary table saved_messages as select * from messages");
        statement.execute("drop table messages");
        statement.execute("""
                create table messages (
                    id uuid not null default gen_random_uuid(),
                    conversation_id uuid not null,
                    role varchar(16) not null,
                    content text not null,
                    created_at timestamptz not null default now(),
                    token_count integer,
                    constraint pk_messages primary key (id, created_at),
                    constraint fk_messages_conversation_id foreign key (conversation_id) references conversations (id) on delete cascade,
                    constraint ck_messages_role check (role in ('system', 'user', 'assistant', 'tool')),
                    constraint ck_messages_token_count check (token_count >= 0)
                ) partition by range (created_at)""");
        statement.execute("create index ix_messages_conversation_id_created_at on messages (conversation_id, created_at)");
        statement.execute("create table messages_p2026_11 partition of messages for values from ('2026-11-01') to ('2026-12-01')");
        statement.execute("create table messages_p2026_12 partition of messages for values from ('2026-12-01') to ('2027-01-01')");
        statement.execute("create table messages_default partition of messages default");
        statement.execute("insert into messages select * from saved_messages");
        statement.execute("drop table saved_messages");
        statement.execute("commit");
    }

    /** The index as chatmigrate builds it on a partitioned messages: on the parent only, concurrently on each partition, attached. */
    private static void buildIndexPerPartition(Statement statement) throws SQLException {
        statement.execute("create index " + INDEX + " on only messages (created_at)");
        for (String partition : partitions(statement)) {
            statement.execute("create index concurrently " + partition + "_created_at_idx on " + partition + " (created_at)");
            statement.execute("alter index " + INDEX + " attach partition " + partition + "_created_at_idx");
        }
    }

    private void assertIndexOnParentAndEveryPartition(MigrationEngineProvider provider) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet parent = statement.executeQuery("select i.indisvalid, (select count(*) from pg_inherits where inhparent = i.indexrelid)"
                    + " from pg_index i where i.indexrelid = to_regclass('" + INDEX + "')")) {
                assertThat(parent.next()).as("%s on messages", INDEX).isTrue();
                assertThat(parent.getBoolean(1)).as("%s is valid", INDEX).isTrue();
                assertThat(parent.getInt(2)).as("partitions' indexes attached to %s", INDEX).isEqualTo(partitions(statement).size());
            }
            assertThat(indexesOnCreatedAtAlone(statement)).hasSize(partitions(statement).size() + 1);
            assertThat(provider.verifiedVersion(connection, "public")).as("the up-to-date check proves the history").hasValue(ChatbotSchema.LATEST_VERSION);
        }
    }

    private static List<String> partitions(Statement statement) throws SQLException {
        return strings(statement, "select inhrelid::regclass::text from pg_inherits where inhparent = 'messages'::regclass order by 1");
    }

    private static List<String> indexesOnCreatedAtAlone(Statement statement) throws SQLException {
        return strings(statement, "select indexname from pg_indexes where schemaname = 'public' and tablename like 'messages%'"
                + " and indexdef like '%(created_at)'");
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
