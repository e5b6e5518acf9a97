package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.adoption.AdoptionStep;
import dev.chatmigrate.core.adoption.SchemaAdoption;
import dev.chatmigrate.core.history.EngineHistories;
import dev.chatmigrate.core.history.RestartCheck;
import dev.chatmigrate.core.lock.LockedFacts;
import dev.chatmigrate.core.partition.MessagesPartitioning;
import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adoption and verification of a {@code messages} partitioned by hand at version 3, without any history: by range of
 * {@code created_at} (monthly, with a default partition) or by hash of {@code conversation_id} into 4. Adoption builds
 * the missing canonical index by the per-partition idiom, completes an interrupted build without dropping what it
 * built, and {@code verify} names a partition that lacks an index.
 */
class PartitionedAdoptionIT {

    private static final int VERSION = 3;
    private static final String INDEX = "ix_messages_created_at";
    private static final String RANGE = "range";
    private static final String HASH = "hash";

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {RANGE, HASH})
    @DisplayName("adoption to version 4 builds ix_messages_created_at on every partition and attaches it: verify is clean, rows kept")
    void adoptionBuildsTheIndexOnEveryPartition(String method) throws SQLException {
        try (Connection connection = database.connect()) {
            List<String> partitions = partitionByHand(connection, method);
            String rows = Messages.single(connection, "select count(*) || ' ' || md5(string_agg(id::text, ',' order by id)) from messages");

            List<String> notes = SchemaAdoption.reconcile(connection, "public", 4);

            assertThat(notes).anyMatch(note -> note.startsWith("created index " + INDEX + " on only messages"));
            assertThat(notes.stream().filter(note -> note.contains("concurrently and attached it to " + INDEX))).hasSize(partitions.size());
            assertThat(SchemaVerifier.verify(connection, "public", 4).drifts()).isEmpty();
            assertThat(attachedPartitions(connection, INDEX)).containsExactlyInAnyOrderElementsOf(partitions);
            assertThat(Messages.single(connection, "select count(*) || ' ' || md5(string_agg(id::text, ',' order by id)) from messages"))
                    .isEqualTo(rows);
            assertThat(SchemaAdoption.reconcile(connection, "public", 4)).as("a second run has nothing to do").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {RANGE, HASH})
    @DisplayName("the jdbc engine migrates a hand-partitioned messages at version 3 to the latest version: verify is clean, rows kept")
    void theJdbcEngineMigratesToTheLatestVersion(String method) throws SQLException {
        List<String> partitions;
        String rows;
        try (Connection connection = database.connect()) {
            partitions = partitionByHand(connection, method);
            rows = Messages.single(connection, "select count(*) || ' ' || md5(string_agg(id::text, ',' order by id)) from messages");
        }
        MigrationEngineProvider jdbc = MigrationEngines.measured("jdbc");
        new MigrationRunner(database.settings("jdbc"), jdbc).migrate();
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
            assertThat(attachedPartitions(connection, INDEX)).containsExactlyInAnyOrderElementsOf(partitions);
            assertThat(Messages.single(connection, "select count(*) || ' ' || md5(string_agg(id::text, ',' order by id)) from messages"))
                    .isEqualTo(rows);
            // a parent index left INVALID sends a restart down the full path, which completes it
            try (Statement statement = connection.createStatement()) {
                statement.execute("update pg_index set indisvalid = false where indexrelid = '" + INDEX + "'::regclass");
            }
            RestartCheck.Outcome restart = RestartCheck.run(database.settings("jdbc").dataSource(), Duration.ofSeconds(15), jdbc,
                    EngineHistories.of(MigrationEngines.all()), "public");
            try (Connection handed = restart.connection()) {
                assertThat(restart.reaches(ChatbotSchema.LATEST_VERSION)).as("the restart path with an INVALID parent index").isFalse();
            }
        }
    }

    @Test
    @DisplayName("an interrupted build is completed: the attached partition index keeps its oid, the INVALID one is rebuilt, the parent is never dropped")
    void anInterruptedBuildIsCompleted() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> partitions = partitionByHand(connection, RANGE);
            String built = partitions.get(0);
            String invalid = partitions.get(2);
            statement.execute("create index " + INDEX + " on only messages (created_at)");
            statement.execute("create index concurrently " + built + "_created_at_idx on " + built + " (created_at)");
            statement.execute("alter index " + INDEX + " attach partition " + built + "_created_at_idx");
            statement.execute("create index concurrently " + invalid + "_created_at_idx on " + invalid + " (created_at)");
            // as a crash during the concurrent build leaves it
            statement.execute("update pg_index set indisvalid = false where indexrelid = '" + invalid + "_created_at_idx'::regclass");
            String parentOid = Messages.single(connection, "select '" + INDEX + "'::regclass::oid");
            String builtOid = Messages.single(connection, "select '" + built + "_created_at_idx'::regclass::oid");

            DriftReport drift = SchemaVerifier.verify(connection, "public", 4);
            List<String> missing = partitions.subList(1, partitions.size());
            assertThat(drift.drifts()).extracting(Object::toString).containsExactly("messages: index " + INDEX + ": expected btree (created_at)"
                    + " on every partition, found INVALID btree (created_at), missing on partitions " + String.join(", ", missing)
                    + "; run migrate again, which builds it concurrently on each partition that lacks it and attaches it");

            MigrationPlan plan = new MigrationRunner(database.settings("jdbc"), MigrationEngines.measured("jdbc")).plan(4);
            List<String> steps = new ArrayList<>(plan.adoption().stream().map(AdoptionStep::description).toList());
            assertThat(steps).noneMatch(step -> step.contains("on only messages")).noneMatch(step -> step.contains("partition " + built + " "));
            assertThat(steps).hasSize(missing.size()).contains("rebuilt (left INVALID by an interrupted build) index " + invalid
                    + "_created_at_idx on partition " + invalid + " concurrently and attached it to " + INDEX);
            assertThat(plan.adoption()).allMatch(step -> step.concurrent() && step.lock().startsWith("SHARE UPDATE EXCLUSIVE on messages_")
                    && step.sql().contains("create index concurrently") && step.sql().contains("attach partition")
                    && !step.sql().contains("drop index concurrently public." + INDEX));

            SchemaAdoption.reconcile(connection, "public", 4);

            assertThat(SchemaVerifier.verify(connection, "public", 4).drifts()).isEmpty();
            assertThat(Messages.single(connection, "select '" + INDEX + "'::regclass::oid")).isEqualTo(parentOid);
            assertThat(Messages.single(connection, "select '" + built + "_created_at_idx'::regclass::oid")).isEqualTo(builtOid);
            assertThat(attachedPartitions(connection, INDEX)).containsExactlyInAnyOrderElementsOf(partitions);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {RANGE, HASH})
    @DisplayName("a missing foreign key is added on each partition, validated, then on the parent; a missing check is added not valid and validated")
    void missingConstraintsAreAddedThePartitionedWay(String method) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> partitions = partitionByHand(connection, method);
            statement.execute("alter table messages drop constraint fk_messages_conversation_id, drop constraint ck_messages_token_count");

            List<AdoptionStep> steps = SchemaAdoption.plan(connection, "public", VERSION, dev.chatmigrate.core.adoption.AdoptionOptions.DEFAULT).steps();
            assertThat(steps.stream().map(AdoptionStep::description).filter(d -> d.startsWith("validated constraint fk_messages_conversation_id on partition")))
                    .hasSize(partitions.size());
            List<String> sql = steps.stream().map(AdoptionStep::sql).toList();
            int parent = sql.indexOf("alter table \"public\".messages add constraint fk_messages_conversation_id foreign key (conversation_id)"
                    + " references \"public\".conversations (id) on delete cascade");
            assertThat(parent).as("%s", sql).isPositive();
            assertThat(steps.get(parent).concurrent()).isTrue();
            assertThat(sql.subList(0, parent).stream().filter(s -> s.endsWith("validate constraint fk_messages_conversation_id"))).hasSize(partitions.size());

            SchemaAdoption.reconcile(connection, "public", VERSION);

            assertThat(SchemaVerifier.verify(connection, "public", VERSION).drifts()).isEmpty();
            assertThat(Messages.column(connection, "select conrelid::regclass::text from pg_constraint where conname = 'fk_messages_conversation_id'"
                    + " and conparentid <> 0 and convalidated")).containsExactlyInAnyOrderElementsOf(partitions);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {RANGE, HASH})
    @DisplayName("chatmigrate partition's result verifies clean, a restart of migrate on it has nothing to do, and an INVALID parent index sends a restart down the full path")
    void theConversionsResultVerifiesClean(String method) throws SQLException {
        MigrationEngineProvider flyway = MigrationEngines.byId("flyway");
        new MigrationRunner(database.settings("flyway"), flyway).migrate();
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
            assertThat(LockedFacts.read(connection, "public", List.of(), List.of()).messagesPartitioned()).isFalse();
        }
        new MessagesPartitioning(database.settings("flyway"), flyway).run(method.equals(RANGE)
                ? PartitionLayout.byCreatedAt(PartitionLayout.Interval.MONTH) : PartitionLayout.byConversationId(4));
        try (Connection connection = database.connect()) {
            assertThat(Messages.kind(connection)).isEqualTo("p");
            assertThat(LockedFacts.read(connection, "public", List.of(), List.of()).messagesPartitioned()).isTrue();
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
        }
        assertThat(new MigrationRunner(database.settings("flyway"), flyway).migrate().changedNothing()).isTrue();
        assertThat(RestartCheck.run(database.settings("flyway").dataSource(), Duration.ofSeconds(15), flyway,
                EngineHistories.of(MigrationEngines.all()), "public").reaches(ChatbotSchema.LATEST_VERSION)).as("the restart path").isTrue();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("update pg_index set indisvalid = false where indexrelid = '" + INDEX + "'::regclass");
        }
        RestartCheck.Outcome restart = RestartCheck.run(database.settings("flyway").dataSource(), Duration.ofSeconds(15), flyway,
                EngineHistories.of(MigrationEngines.all()), "public");
        try (Connection handed = restart.connection()) {
            assertThat(restart.reaches(ChatbotSchema.LATEST_VERSION)).as("the restart path with the partitioned parent index INVALID").isFalse();
        }
    }

    @Test
    @DisplayName("verify reports a messages partitioned by another key or method, and a partition without a canonical index; adoption refuses it")
    void verifyReportsANonCanonicalPartitioning() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            createTables(connection, "partition by list (role)", List.of("id", "role"));
            statement.execute("create table messages_roles partition of messages for values in ('system', 'user', 'assistant', 'tool')");
            statement.execute("create index ix_messages_conversation_id_created_at on messages (conversation_id, created_at)");
            assertThat(SchemaVerifier.verify(connection, "public", VERSION).drifts()).extracting(Object::toString).contains(
                    "messages: partitioning: expected not partitioned, RANGE (created_at) or HASH (conversation_id), found LIST (role);"
                            + " a partitioned messages must be partitioned in a canonical form; see docs/troubleshooting.md, \"Drift on a partitioned messages\"",
                    "messages: constraint pk_messages: expected PRIMARY KEY (id), found PRIMARY KEY (id, role)");
            String before = SchemaVerifier.verify(connection, "public", VERSION).toString();

            assertThatThrownBy(() -> new MigrationRunner(database.settings("jdbc"), MigrationEngines.measured("jdbc")).migrate())
                    .isInstanceOf(SchemaConflictException.class).hasMessageContaining("table messages: expected not partitioned,"
                            + " RANGE (created_at) or HASH (conversation_id), found partitioned by LIST (role)");
            assertThat(SchemaVerifier.verify(connection, "public", VERSION).toString()).as("adoption refused, changing nothing").isEqualTo(before);
        }
    }

    /** The partitions of {@code messages} with an index attached to {@code index}. */
    private static List<String> attachedPartitions(Connection connection, String index) throws SQLException {
        return Messages.column(connection, "select x.indrelid::regclass::text from pg_inherits i join pg_index x on x.indexrelid = i.inhrelid"
                + " where i.inhparent = '" + index + "'::regclass and x.indisvalid");
    }

    /**
     * The chatbot tables at version 3 as a person partitions them by hand, with the sample rows and a hundred more, and
     * no history: by range, three monthly partitions of 2026 and a default one; by hash, four partitions. Returns the
     * partitions in name order.
     */
    private static List<String> partitionByHand(Connection connection, String method) throws SQLException {
        Partitioning partitioning = ChatbotSchema.PARTITIONINGS.stream().filter(p -> p.method().name().equalsIgnoreCase(method)).findFirst().orElseThrow();
        List<String> partitions = new ArrayList<>();
        createTables(connection, "partition by " + partitioning.clause(), List.of("id", partitioning.key()));
        try (Statement statement = connection.createStatement()) {
            if (method.equals(RANGE)) {
                for (int month = 1; month <= 3; month++) {
                    String name = "messages_2026_0" + month;
                    statement.execute("create table " + name + " partition of messages for values from ('2026-0" + month + "-01') to ('2026-0"
                            + (month + 1) + "-01')");
                    partitions.add(name);
                }
                statement.execute("create table messages_default partition of messages default");
                partitions.add("messages_default");
            } else {
                for (int remainder = 0; remainder < 4; remainder++) {
                    statement.execute("create table messages_h" + remainder + " partition of messages for values with (modulus 4, remainder " + remainder + ")");
                    partitions.add("messages_h" + remainder);
                }
            }
            statement.execute("create index ix_messages_conversation_id_created_at on messages (conversation_id, created_at)");
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at, token_count)"
                    + " select '22222222-2222-2222-2222-222222222222', 'user', 'message ' || g, timestamptz '2026-01-01' + g * interval '1 day', g"
                    + " from generate_series(1, 100) g");
        }
        return partitions;
    }

    /** conversations and a partitioned messages at version 3, {@code pk_messages} on {@code primaryKey}, without any index of messages. */
    private static void createTables(Connection connection, String partitionBy, List<String> primaryKey) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table conversations (" + String.join(", ", ChatbotSchema.columnsAt(ChatbotSchema.CONVERSATIONS, VERSION)
                    .stream().map(Column::ddl).toList()) + ", constraint pk_conversations primary key (id))");
            statement.execute("create index ix_conversations_user_id on conversations (user_id)");
            List<String> parts = new ArrayList<>(ChatbotSchema.columnsAt(ChatbotSchema.MESSAGES, VERSION).stream().map(Column::ddl).toList());
            parts.add("constraint pk_messages primary key (" + String.join(", ", primaryKey) + ")");
            for (Constraint constraint : ChatbotSchema.constraintsAt(ChatbotSchema.MESSAGES, VERSION)) {
                if (constraint.kind() != Constraint.Kind.PRIMARY_KEY) {
                    parts.add("constraint " + constraint.name() + " " + constraint.ddl());
                }
            }
            statement.execute("create table messages (" + String.join(", ", parts) + ") " + partitionBy);
        }
    }
}
