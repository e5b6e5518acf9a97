package dev.chatmigrate.memory.jdbc;

import java.util.List;

/**
 * Where the stored messages and the wanted ones overlap. Chat memories save the whole window each
 * turn: the window is the stored rows minus some of the oldest, plus new ones at the end. Keeping
 * the overlap keeps those rows' ids and {@code created_at}, and writes only what changed.
 */
final class MessageOverlap {

    private MessageOverlap() {
    }

    /**
     * The smallest {@code k} such that {@code stored[k..]} equals the beginning of {@code wanted}:
     * rows before {@code k} go, rows from {@code k} stay. {@code stored.size()} when nothing overlaps.
     */
    static <T> int firstKeptIndex(List<T> stored, List<T> wanted) {
        for (int k = Math.max(0, stored.size() - wanted.size()); k < stored.size(); k++) {
            if (stored.subList(k, stored.size()).equals(wanted.subList(0, stored.size() - k))) {
                return k;
            }
        }
        return stored.size();
    }
}
