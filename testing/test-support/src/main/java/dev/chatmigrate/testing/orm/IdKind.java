package dev.chatmigrate.testing.orm;

/** The ids an ORM's models declare. */
public enum IdKind {
    /** {@code uuid} ids made by the application (the seed chatbot; JPA's {@code @GeneratedValue UUID}). */
    UUID,
    /** Integer ids from a sequence (SQLModel's tutorial default {@code serial}; JPA's {@code IDENTITY} {@code bigint}). */
    INTEGER
}
