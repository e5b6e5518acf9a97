package dev.chatmigrate.example;

import java.util.Map;

/**
 * What a route answers: a status, a body written as JSON and any extra headers. Errors are always
 * {@code {"error": "..."}}.
 */
record JsonResponse(int status, Object body, Map<String, String> headers) {

    /** The body of every error answer. */
    record Error(String error) {
    }

    JsonResponse {
        headers = Map.copyOf(headers);
    }

    static JsonResponse ok(Object body) {
        return new JsonResponse(200, body, Map.of());
    }

    static JsonResponse created(Object body) {
        return new JsonResponse(201, body, Map.of());
    }

    static JsonResponse error(int status, String message) {
        return new JsonResponse(status, new Error(message), Map.of());
    }

    /** 405 with the {@code Allow} header listing {@code allowed}. */
    static JsonResponse methodNotAllowed(String method, String path, String allowed) {
        return new JsonResponse(405, new Error(method + " is not allowed on " + path + ": use " + allowed + "."), Map.of("Allow", allowed));
    }
}
