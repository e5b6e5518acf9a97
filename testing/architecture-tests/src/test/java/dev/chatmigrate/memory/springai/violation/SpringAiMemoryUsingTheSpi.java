package dev.chatmigrate.memory.springai.violation;

import dev.chatmigrate.schema.ChatbotSchema;

/** Breaks the chat-memory rule on purpose: chat memory must not depend on chatmigrate's own modules. */
public class SpringAiMemoryUsingTheSpi {

    public String firstVersion() {
        return ChatbotSchema.describe(1);
    }
}
