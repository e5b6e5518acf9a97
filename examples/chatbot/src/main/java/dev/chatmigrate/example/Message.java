package dev.chatmigrate.example;

import java.time.Instant;
import java.util.UUID;

/** A message as the API returns it. */
record Message(UUID id, UUID conversationId, String role, String content, Instant createdAt) {
}
