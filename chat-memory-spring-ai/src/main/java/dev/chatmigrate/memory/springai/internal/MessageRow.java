package dev.chatmigrate.memory.springai.internal;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of {@code messages} as the store writes and reads it: the role, the text, and everything
 * else of the message in {@code metadata}. Two rows are equal when all three are.
 */
public record MessageRow(String role, String content, ObjectNode metadata) {

    public MessageRow {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
    }
}
