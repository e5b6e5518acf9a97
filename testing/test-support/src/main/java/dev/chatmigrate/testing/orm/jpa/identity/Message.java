package dev.chatmigrate.testing.orm.jpa.identity;

import dev.chatmigrate.testing.orm.jpa.Role;
import dev.chatmigrate.testing.orm.jpa.StoredMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message of a conversation, mapped as a Spring Boot application maps it: no cascade, the role by name. */
@Entity
@Table(name = "messages")
public class Message implements StoredMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id", nullable = false)
    private Conversation conversation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(columnDefinition = "text", nullable = false)
    private String content;

    @Column(nullable = false)
    private Instant createdAt;

    protected Message() {
        // for Hibernate
    }

    public Message(Conversation conversation, Role role, String content, Instant now) {
        this.conversation = conversation;
        this.role = role;
        this.content = content;
        this.createdAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public Conversation getConversation() {
        return conversation;
    }

    @Override
    public Role getRole() {
        return role;
    }

    @Override
    public String getContent() {
        return content;
    }

    @Override
    public Instant getCreatedAt() {
        return createdAt;
    }
}
