package dev.chatmigrate.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Drives the service over HTTP as a client would, with {@link HttpClient}. */
final class ChatbotClient {

    /** One answer: status, {@code Content-Type}, {@code Allow} (or empty) and the parsed JSON body. */
    record Reply(int status, String contentType, String allow, JsonNode json) {

        /** The {@code error} text of an error answer. */
        String error() {
            return json.path("error").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    ChatbotClient(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer token} when {@code token} is not null. */
    ChatbotClient(int port, String token) {
        this(URI.create("http://127.0.0.1:" + port), token == null ? null : "Bearer " + token);
    }

    private ChatbotClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client that sends {@code Authorization: <value>} as given, such as {@code bearer <token>}. */
    static ChatbotClient withAuthorization(int port, String value) {
        return new ChatbotClient(URI.create("http://127.0.0.1:" + port), value);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Allow").orElse(""), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
