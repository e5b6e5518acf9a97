package dev.chatmigrate.memory.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of {@code messages} as a chat memory writes and reads it: the role ({@code system},
 * {@code user}, {@code assistant} or {@code tool}), the text, everything else of the message as
 * the text of a JSON object for {@code metadata}, and {@code created_at}. Rows are compared by
 * {@link ChatMemoryTable} through the framework's JSON value of {@code metadata}, not by this
 * record's {@code equals}, and never by {@code createdAt}.
 *
 * @param createdAt when the message was first stored: read from {@code created_at}; on a row to
 *     write, the creation time a re-saved message carries (kept when the order allows, see
 *     docs/chat-memory.md), or {@code null} for a new message. Truncated to PostgreSQL's microseconds.
 */
public record MessageRow(String role, String content, String metadata, Instant createdAt) {

    public MessageRow {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A new message's row, without a creation time. */
    public MessageRow(String role, String content, String metadata) {
        this(role, content, metadata, null);
    }
}
