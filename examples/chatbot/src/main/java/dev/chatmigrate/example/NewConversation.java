package dev.chatmigrate.example;

import java.util.List;

/**
 * The body of {@code POST /conversations}: {@code {"userId": "alice", "title": "Trip to Lisbon"}}.
 *
 * @param userId who the conversation belongs to; required, not blank
 * @param title  optional
 */
record NewConversation(String userId, String title) {

    /** Both columns are {@code varchar(255)} in the canonical schema. */
    static final int MAX_LENGTH = 255;

    static final String EXAMPLE = "{\"userId\": \"alice\", \"title\": \"Trip to Lisbon\"}";

    NewConversation {
        userId = TextField.required("userId", userId, MAX_LENGTH);
        title = TextField.optional("title", title, MAX_LENGTH);
    }

    static NewConversation parse(byte[] body) {
        JsonRequest json = JsonRequest.parse(body, List.of("userId", "title"), EXAMPLE);
        return new NewConversation(json.text("userId"), json.text("title"));
    }
}
