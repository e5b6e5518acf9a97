/**
 * The example chatbot: a Spring Boot + Spring AI service whose schema the chatmigrate starter migrates
 * at startup with the engine its configuration names, and whose chat memory lives in that schema.
 */
package dev.chatmigrate.example;
