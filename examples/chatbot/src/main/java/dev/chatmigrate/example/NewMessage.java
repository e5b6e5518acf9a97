package dev.chatmigrate.example;

import java.util.List;

/**
 * The body of {@code POST /conversations/{id}/messages}: {@code {"role": "user", "content": "Hello!"}}.
 *
 * @param role    one of {@link #ROLES}
 * @param content required, not blank
 */
record NewMessage(String role, String content) {

    /** The roles the check constraint {@code ck_messages_role} allows. */
    static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

    static final String EXAMPLE = "{\"role\": \"user\", \"content\": \"Hello!\"}";

    NewMessage {
        if (role == null) {
            throw ApiException.badRequest("\"role\" is required: one of " + String.join(", ", ROLES) + ".");
        }
        if (!ROLES.contains(role)) {
            throw ApiException.badRequest("\"role\" must be one of " + String.join(", ", ROLES) + "; found " + TextField.quote(role) + ".");
        }
        content = TextField.required("content", content, Integer.MAX_VALUE);
    }

    static NewMessage parse(byte[] body) {
        JsonRequest json = JsonRequest.parse(body, List.of("role", "content"), EXAMPLE);
        return new NewMessage(json.text("role"), json.text("content"));
    }
}
