/**
 * What an application on Spring Boot 3.5 and Spring AI 1.1 gets: with the starter, one refusal that
 * names the versions; without it, the core API on the application's {@code DataSource}, with
 * chatmigrate's Spring AI chat memory.
 */
package dev.chatmigrate.boot3;
