package dev.chatmigrate.example;

import java.time.Instant;
import java.util.UUID;

/** A conversation as the API returns it; {@code title} may be {@code null}. */
record Conversation(UUID id, String userId, String title, Instant createdAt, Instant updatedAt) {
}
