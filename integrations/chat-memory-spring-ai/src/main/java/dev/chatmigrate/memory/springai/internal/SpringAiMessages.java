package dev.chatmigrate.memory.springai.internal;

import dev.chatmigrate.memory.jdbc.MessageRow;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AbstractMessage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spring AI messages to rows and back. The role is the message type ({@code TOOL} is a tool
 * response); the text goes to {@code content}; the rest goes to {@code metadata} under these keys,
 * each present only when it has something: {@code attributes} (the message's metadata map without
 * Spring AI's own {@code messageType}), {@code toolCalls} (assistant), {@code toolResponses} (tool;
 * {@code content} then holds the responses' data, one per line, for readers of the table),
 * {@code media}, and {@code textAbsent} for an assistant message whose text is {@code null}.
 * {@code created_at} is the message's metadata {@link #CONVERSATION_TS} (an {@link Instant}), as
 * Spring AI's JDBC repository exposes it: set on reading, and asked for again on saving.
 */
public final class SpringAiMessages {

    /** The value of Spring AI's {@code JdbcChatMemoryRepository.CONVERSATION_TS}, without depending on its module. */
    public static final String CONVERSATION_TS = "JdbcChatMemoryRepository_message_timestamp";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public SpringAiMessages(ObjectMapper json) {
        this.json = json;
    }

    public MessageRow toRow(Message message) {
        ObjectNode metadata = json.createObjectNode();
        Map<String, Object> attributes = new LinkedHashMap<>(message.getMetadata());
        attributes.remove(AbstractMessage.MESSAGE_TYPE);
        Instant createdAt = attributes.remove(CONVERSATION_TS) instanceof Instant carried ? carried : null;
        if (!attributes.isEmpty()) {
            metadata.set("attributes", json.valueToTree(attributes));
        }
        String content = message.getText();
        if (message instanceof AssistantMessage assistant) {
            if (assistant.hasToolCalls()) {
                metadata.set("toolCalls", json.valueToTree(assistant.getToolCalls()));
            }
            putMedia(metadata, assistant.getMedia());
        } else if (message instanceof UserMessage user) {
            putMedia(metadata, user.getMedia());
        } else if (message instanceof ToolResponseMessage tool) {
            metadata.set("toolResponses", json.valueToTree(tool.getResponses()));
            content = tool.getResponses().stream().map(ToolResponse::responseData).collect(Collectors.joining("\n"));
        }
        if (content == null) {
            metadata.put("textAbsent", true);
            content = "";
        }
        return new MessageRow(role(message), content, json.writeValueAsString(metadata), createdAt);
    }

    /** The JSON value of a row's {@code metadata} text, which rows are compared by. */
    public ObjectNode metadataValue(String metadata) {
        return (ObjectNode) json.readTree(metadata);
    }

    public Message toMessage(MessageRow row) {
        ObjectNode metadata = metadataValue(row.metadata());
        Map<String, Object> attributes = metadata.has("attributes") ? json.convertValue(metadata.get("attributes"), MAP) : new LinkedHashMap<>();
        if (row.createdAt() != null) {
            attributes.put(CONVERSATION_TS, row.createdAt());
        }
        return switch (row.role()) {
            case "system" -> SystemMessage.builder().text(row.content()).metadata(attributes).build();
            case "user" -> UserMessage.builder().text(row.content()).media(media(metadata)).metadata(attributes).build();
            case "assistant" -> AssistantMessage.builder()
                    .content(metadata.path("textAbsent").asBoolean(false) ? null : row.content())
                    .properties(attributes)
                    .toolCalls(toolCalls(metadata))
                    .media(media(metadata))
                    .build();
            case "tool" -> ToolResponseMessage.builder().responses(toolResponses(metadata, row.content())).metadata(attributes).build();
            default -> throw new IllegalStateException("Expected a role of system, user, assistant or tool in messages.role, found '"
                    + row.role() + "'; the table's check constraint ck_messages_role should have refused it.");
        };
    }

    private static String role(Message message) {
        return switch (message.getMessageType()) {
            case SYSTEM -> "system";
            case USER -> "user";
            case ASSISTANT -> "assistant";
            case TOOL -> "tool";
        };
    }

    private List<ToolCall> toolCalls(ObjectNode metadata) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : metadata.path("toolCalls")) {
            calls.add(new ToolCall(text(call, "id"), text(call, "type"), text(call, "name"), text(call, "arguments")));
        }
        return calls;
    }

    /** A tool row written by someone else has no {@code toolResponses}: its content is one response. */
    private List<ToolResponse> toolResponses(ObjectNode metadata, String content) {
        if (!metadata.has("toolResponses")) {
            return List.of(new ToolResponse("", "", content));
        }
        List<ToolResponse> responses = new ArrayList<>();
        for (JsonNode response : metadata.get("toolResponses")) {
            responses.add(new ToolResponse(text(response, "id"), text(response, "name"), text(response, "responseData")));
        }
        return responses;
    }

    private void putMedia(ObjectNode metadata, List<Media> media) {
        if (media.isEmpty()) {
            return;
        }
        ArrayNode array = metadata.putArray("media");
        for (Media item : media) {
            ObjectNode node = array.addObject();
            node.put("mimeType", item.getMimeType().toString());
            node.put("name", item.getName());
            if (item.getId() != null) {
                node.put("id", item.getId());
            }
            Object data = item.getData();
            if (data instanceof byte[] bytes) {
                node.put("dataBase64", Base64.getEncoder().encodeToString(bytes));
            } else if (data instanceof URL url) {
                node.put("url", url.toString());
            } else {
                node.put("data", String.valueOf(data));
            }
        }
    }

    private List<Media> media(ObjectNode metadata) {
        List<Media> media = new ArrayList<>();
        for (JsonNode node : metadata.path("media")) {
            Media.Builder builder = Media.builder()
                    .mimeType(MimeType.valueOf(text(node, "mimeType")))
                    .name(text(node, "name"));
            if (node.has("id")) {
                builder.id(text(node, "id"));
            }
            if (node.has("dataBase64")) {
                builder.data(Base64.getDecoder().decode(text(node, "dataBase64")));
            } else if (node.has("url")) {
                builder.data(url(text(node, "url")));
            } else {
                builder.data(text(node, "data"));
            }
            media.add(builder.build());
        }
        return media;
    }

    private static URL url(String value) {
        try {
            return URI.create(value).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Expected a URL in messages.metadata media[].url, found '" + value + "'.", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
