package dev.chatmigrate.testing.orm.jpa;

import java.time.Instant;

/** What the fixture reads of a message entity, whatever its id type. */
public interface StoredMessage {

    Object getId();

    StoredConversation getConversation();

    Role getRole();

    String getContent();

    Instant getCreatedAt();
}
