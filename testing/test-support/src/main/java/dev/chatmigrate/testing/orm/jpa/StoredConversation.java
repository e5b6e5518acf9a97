package dev.chatmigrate.testing.orm.jpa;

import java.time.Instant;

/** What the fixture reads of a conversation entity, whatever its id type. */
public interface StoredConversation {

    Object getId();

    String getUserId();

    String getTitle();

    Instant getCreatedAt();

    Instant getUpdatedAt();

    /** Marks the conversation as changed at {@code now}, as an application does after adding a message. */
    void touch(Instant now);
}
