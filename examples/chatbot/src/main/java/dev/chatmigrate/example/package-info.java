/**
 * A minimal chatbot service that shows how an application uses chatmigrate: at startup it migrates
 * its schema with the engine named in its configuration (the same settings as the
 * {@code chatmigrate} command, {@code CHATMIGRATE_ENABLED} included), opens a HikariCP pool, then
 * stores and reads conversations and messages over HTTP with JSON.
 *
 * <p>{@link dev.chatmigrate.example.ChatbotApplication} is the entry point; everything else is
 * package-private.
 */
package dev.chatmigrate.example;
