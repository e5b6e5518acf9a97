package dev.chatmigrate.example;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code conversations} rows the application owns; messages belong to the chat memory. */
@Repository
class ConversationStore {

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Conversation create(NewConversation conversation) {
        return jdbc.sql("insert into conversations (user_id, title) values (?, ?) returning id, user_id, title, created_at, updated_at")
                .params(conversation.userId(), conversation.title())
                .query((row, n) -> new Conversation(row.getObject("id", UUID.class), row.getString("user_id"), row.getString("title"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .single();
    }

    /** The conversation's id, if {@code id} is a UUID and such a conversation exists. */
    Optional<UUID> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("select id from conversations where id = ?").param(uuid).query(UUID.class).optional();
    }
}
