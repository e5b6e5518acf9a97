package dev.chatmigrate.core.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.InvalidConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a partition layout checks itself when built and says what was expected")
class PartitionLayoutTest {

    @Test
    @DisplayName("range by created_at and hash by conversation_id, with the primary key's partition clause")
    void theTwoLayouts() {
        PartitionLayout range = PartitionLayout.byCreatedAt(PartitionLayout.Interval.named("Week"));
        assertThat(range.partitionClause()).isEqualTo("range (created_at)");
        assertThat(range.describe()).isEqualTo("range of created_at by week");
        PartitionLayout hash = PartitionLayout.byConversationId(16).withOldTableDropped();
        assertThat(hash.partitionClause()).isEqualTo("hash (conversation_id)");
        assertThat(hash.dropOld()).isTrue();
    }

    @Test
    @DisplayName("another key, a wrong number of partitions, an interval for hash, pg_partman for hash are refused")
    void badLayoutsAreRefused() {
        assertThatThrownBy(() -> new PartitionLayout("role", null, 0, false, false)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("created_at (range) or conversation_id (hash), not by 'role'");
        assertThatThrownBy(() -> PartitionLayout.byConversationId(1)).hasMessageContaining("from 2 to 1024 partitions, not 1");
        assertThatThrownBy(() -> new PartitionLayout("conversation_id", PartitionLayout.Interval.MONTH, 4, false, false))
                .hasMessageContaining("not an interval");
        assertThatThrownBy(() -> PartitionLayout.byConversationId(4).withPartman()).hasMessageContaining("--partman only with --by created_at");
        assertThatThrownBy(() -> PartitionLayout.Interval.named("quarter")).hasMessageContaining("Expected day, week, month or year");
    }
}
