package dev.chatmigrate.schema;

/** A chatbot table and the version that creates it (its undo drops it, rows and all). */
public record Table(String name, int version) {
}
