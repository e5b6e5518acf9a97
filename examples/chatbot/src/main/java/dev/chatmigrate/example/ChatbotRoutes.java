package dev.chatmigrate.example;

import com.sun.net.httpserver.HttpExchange;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.spi.Secrets;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chatbot API, one route per method:
 * <ul>
 *   <li>{@code GET /}: what this service is and its routes;</li>
 *   <li>{@code GET /health}: 200 when the database answers, else 503;</li>
 *   <li>{@code POST /conversations}: creates a conversation, 201;</li>
 *   <li>{@code POST /conversations/{id}/messages}: adds a message, 201;</li>
 *   <li>{@code GET /conversations/{id}/messages}: the messages in order.</li>
 * </ul>
 * An id that is not a UUID cannot name a conversation, so it gets the same 404 as an unknown one.
 */
final class ChatbotRoutes extends JsonHandler {

    static final List<String> ROUTES = List.of("GET /health", "POST /conversations", "POST /conversations/{id}/messages",
            "GET /conversations/{id}/messages");

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotRoutes.class);
    private static final Pattern MESSAGES = Pattern.compile("/conversations/([^/]+)/messages/?");
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final ConversationStore store;
    private final int schemaVersion;

    ChatbotRoutes(ConversationStore store, int schemaVersion) {
        this.store = store;
        this.schemaVersion = schemaVersion;
    }

    /** The answer of {@code GET /}, so the root of a Hugging Face Space shows what is there. */
    record Index(String service, int schemaVersion, List<String> routes) {
    }

    @Override
    JsonResponse respond(HttpExchange exchange) throws SQLException, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            return method.equals("GET") ? JsonResponse.ok(new Index("chatmigrate example chatbot", schemaVersion, ROUTES))
                    : JsonResponse.methodNotAllowed(method, path, "GET");
        }
        if (path.equals("/health")) {
            return method.equals("GET") ? health() : JsonResponse.methodNotAllowed(method, path, "GET");
        }
        if (path.equals("/conversations") || path.equals("/conversations/")) {
            return method.equals("POST") ? JsonResponse.created(store.create(NewConversation.parse(body(exchange))))
                    : JsonResponse.methodNotAllowed(method, path, "POST");
        }
        Matcher messages = MESSAGES.matcher(path);
        if (!messages.matches()) {
            throw ApiException.notFound("No route " + method + " " + path + ": the routes are " + String.join(", ", ROUTES) + ".");
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            return JsonResponse.methodNotAllowed(method, path, "GET, POST");
        }
        String id = messages.group(1);
        UUID conversation = conversationId(id);
        if (method.equals("GET")) {
            return JsonResponse.ok(new ConversationMessages(conversation, store.messages(conversation).orElseThrow(() -> unknownConversation(id))));
        }
        NewMessage message = NewMessage.parse(body(exchange));
        return JsonResponse.created(store.add(conversation, message).orElseThrow(() -> unknownConversation(id)));
    }

    private JsonResponse health() {
        try {
            store.ping();
            return JsonResponse.ok(Health.ok(schemaVersion));
        } catch (SQLException e) {
            LOG.warn("Health check: the database did not answer: {}", Secrets.redact(e.getMessage()));
            return JsonResponse.error(503, "The database did not answer; the service log has the details.");
        }
    }

    private static UUID conversationId(String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw unknownConversation(id);
        }
        return UUID.fromString(id);
    }

    private static ApiException unknownConversation(String id) {
        return ApiException.notFound("No conversation " + TextField.quote(id) + (UUID_TEXT.matcher(id).matches() ? ""
                : " (conversation ids are UUIDs, as POST /conversations returns them)") + ".");
    }
}
