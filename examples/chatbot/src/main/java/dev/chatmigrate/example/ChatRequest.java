package dev.chatmigrate.example;

import java.util.List;

/**
 * The body of {@code POST /api/conversations/{id}/chat}: {@code {"message": "Hello!"}}.
 *
 * @param message what the user says; required, not blank
 */
record ChatRequest(String message) {

    static final String EXAMPLE = "{\"message\": \"Hello!\"}";

    ChatRequest {
        message = TextField.required("message", message, Integer.MAX_VALUE);
    }

    static ChatRequest parse(byte[] body) {
        JsonRequest json = JsonRequest.parse(body, List.of("message"), EXAMPLE);
        return new ChatRequest(json.text("message"));
    }
}
