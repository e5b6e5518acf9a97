package dev.chatmigrate.memory.langchain4j.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

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
