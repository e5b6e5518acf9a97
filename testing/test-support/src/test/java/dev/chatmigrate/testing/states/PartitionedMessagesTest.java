package dev.chatmigrate.testing.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The partitioned forms made by hand are the canonical ones, with the rows kept, and the half-built index is what a crash leaves. */
class PartitionedMessagesTest {

    private static final int VERSION = ChatbotSchema.table(ChatbotSchema.MESSAGES).version();

    @FreshDatabase
    TestDatabase database;

    private MigrationSettings settings() {
        return database.settings("test");
    }

    private void prepare(PartitionedMessages partitioning) throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }
        partitioning.partition(settings(), VERSION);
    }

    @ParameterizedTest
    @EnumSource(PartitionedMessages.class)
    @DisplayName("messages becomes partitioned by the key, pk_messages includes it, every canonical constraint and index is there, rows kept")
    void partitionIsCanonical(PartitionedMessages partitioning) throws SQLException {
        prepare(partitioning);

        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "select pg_get_partkeydef('messages'::regclass)"))
                    .containsExactly((partitioning == PartitionedMessages.RANGE_BY_CREATED_AT ? "RANGE" : "HASH") + " (" + partitioning.key() + ")");
            for (Constraint constraint : ChatbotSchema.constraintsAt(ChatbotSchema.MESSAGES, VERSION)) {
                String expected = constraint.kind() == Constraint.Kind.PRIMARY_KEY ? "PRIMARY KEY (id, " + partitioning.key() + ")" : constraint.definition();
                assertThat(strings(connection, "select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'messages'::regclass"
                        + " and conname = '" + constraint.name() + "'")).as(constraint.name()).containsExactly(expected);
            }
            assertThat(PartitionedCatalog.partitions(connection, "public")).hasSize(4);
            assertThat(PartitionedCatalog.missingPartitionIndexes(connection, "public", VERSION)).isEmpty();
            assertThat(strings(connection, "select count(*) from messages")).containsExactly(Integer.toString(SampleRows.MESSAGES));
        }
    }

    @ParameterizedTest
    @EnumSource(PartitionedMessages.class)
    @DisplayName("a partition added later carries every index, and the rows stay")
    void addedPartitionCarriesTheIndexes(PartitionedMessages partitioning) throws SQLException {
        prepare(partitioning);

        String added = partitioning.addPartition(settings());

        try (Connection connection = database.connect()) {
            assertThat(PartitionedCatalog.partitions(connection, "public")).contains(added);
            assertThat(PartitionedCatalog.attachedIndexes(connection, "public", added))
                    .containsAll(ChatbotSchema.indexesAt(ChatbotSchema.MESSAGES, VERSION).stream().map(Index::name).toList());
            assertThat(strings(connection, "select count(*) from messages")).containsExactly(Integer.toString(SampleRows.MESSAGES));
        }
    }

    @ParameterizedTest
    @EnumSource(PartitionedMessages.class)
    @DisplayName("a half-built index: parent INVALID, one partition's index attached, one INVALID, the others missing")
    void halfBuiltIndex(PartitionedMessages partitioning) throws SQLException {
        prepare(partitioning);
        Index index = ChatbotSchema.INDEXES.stream().filter(i -> i.buildMode() == Index.BuildMode.CONCURRENTLY).findFirst().orElseThrow();

        HalfBuiltIndex half = HalfBuiltIndex.leave(settings(), index);

        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "select indisvalid from pg_index where indexrelid = '" + index.name() + "'::regclass")).containsExactly("f");
            assertThat(PartitionedCatalog.attachedIndexes(connection, "public", half.attachedPartition())).contains(index.name());
            assertThat(strings(connection, "select indisvalid from pg_index where indexrelid = '" + half.invalidPartitionIndex() + "'::regclass"))
                    .containsExactly("f");
            assertThat(half.missingPartitions()).isNotEmpty().allSatisfy(partition -> assertThat(strings(connection,
                    "select count(*) from pg_index where indrelid = '" + partition + "'::regclass and indkey::text = "
                            + "(select attnum::text from pg_attribute where attrelid = 'messages'::regclass and attname = 'created_at')"))
                    .containsExactly("0"));
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        return PartitionedCatalog.strings(connection, sql);
    }
}
