package dev.chatmigrate.testing.orm.jpa;

/** Who wrote a message; stored by name ({@code @Enumerated(STRING)}): {@code USER}, not {@code user}. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL
}
