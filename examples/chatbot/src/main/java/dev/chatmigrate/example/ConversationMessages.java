package dev.chatmigrate.example;

import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /conversations/{id}/messages}: the messages in the order they were added. */
record ConversationMessages(UUID conversationId, List<Message> messages) {

    ConversationMessages {
        messages = List.copyOf(messages);
    }
}
