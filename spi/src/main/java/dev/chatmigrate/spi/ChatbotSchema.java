package dev.chatmigrate.spi;

import java.util.List;

/**
 * The versions of the canonical chatbot schema that every engine implements, with their descriptions.
 * The full shape of each version is checked by the verifier module.
 */
public final class ChatbotSchema {

    /** The newest version; {@code 0} means no chatbot tables at all. */
    public static final int LATEST_VERSION = 4;

    /** One description per version, index 0 being version 1. */
    public static final List<String> DESCRIPTIONS = List.of(
            "create conversations",
            "create messages",
            "add messages.token_count",
            "index messages.created_at concurrently");

    private ChatbotSchema() {
    }

    /** The description of {@code version}, between 1 and {@link #LATEST_VERSION}. */
    public static String describe(int version) {
        return DESCRIPTIONS.get(version - 1);
    }
}
