package dev.chatmigrate.memory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where a saved window overlaps the stored rows. */
class MessageOverlapTest {

    @Test
    @DisplayName("A window that dropped its oldest rows and appended new ones keeps the rest of the stored rows")
    void slidingWindow() {
        assertThat(MessageOverlap.firstKeptIndex(List.of("a", "b", "c", "d"), List.of("c", "d", "e"))).isEqualTo(2);
    }

    @Test
    @DisplayName("The same list keeps everything; a list sharing nothing keeps nothing")
    void sameAndDisjoint() {
        assertThat(MessageOverlap.firstKeptIndex(List.of("a", "b"), List.of("a", "b"))).isZero();
        assertThat(MessageOverlap.firstKeptIndex(List.of("a", "b"), List.of("x", "y"))).isEqualTo(2);
        assertThat(MessageOverlap.firstKeptIndex(List.of(), List.of("x"))).isZero();
    }

    @Test
    @DisplayName("Stored rows that match only in the middle of the new list are not kept")
    void overlapMustBeginTheNewList() {
        assertThat(MessageOverlap.firstKeptIndex(List.of("a", "b"), List.of("x", "a", "b"))).isEqualTo(2);
    }
}
