package dev.chatmigrate.example;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * A request body that must be one JSON object with known fields, read field by field. Every refusal
 * is a 400 that names the field and what was expected, with an example of a valid body.
 */
final class JsonRequest {

    private final ObjectNode object;

    private JsonRequest(ObjectNode object) {
        this.object = object;
    }

    /**
     * Parses {@code body} as a JSON object whose fields are among {@code fields}.
     *
     * @param example a valid body, quoted in every error
     */
    static JsonRequest parse(byte[] body, List<String> fields, String example) {
        String expected = "expected a JSON object such as " + example;
        if (body.length == 0) {
            throw ApiException.badRequest("The request body is empty: " + expected + ".");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest("The request body is not valid JSON" + where + " (" + e.getOriginalMessage() + "): " + expected + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a byte array does no I/O
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body is " + kind(node) + ": " + expected + ".");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badRequest("Unknown field \"" + name + "\": expected only " + String.join(", ", fields) + ", as in " + example + ".");
            }
        }
        return new JsonRequest(object);
    }

    /** The string value of {@code field}; {@code null} when it is absent or JSON {@code null}. */
    String text(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("\"" + field + "\" must be a string, found " + kind(value) + ".");
        }
        return value.textValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not a JSON value";
        };
    }
}
