package dev.chatmigrate.memory.jdbc;

import java.util.Objects;

/**
 * One row of {@code messages} as a chat memory writes and reads it: the role ({@code system},
 * {@code user}, {@code assistant} or {@code tool}), the text, and everything else of the message as
 * the text of a JSON object for {@code metadata}. Rows are compared by {@link ChatMemoryTable}
 * through the framework's JSON value of {@code metadata}, not by this record's {@code equals}.
 */
public record MessageRow(String role, String content, String metadata) {

    public MessageRow {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
    }
}
