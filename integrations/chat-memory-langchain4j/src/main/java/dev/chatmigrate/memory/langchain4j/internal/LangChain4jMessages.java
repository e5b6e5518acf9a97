package dev.chatmigrate.memory.langchain4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatmigrate.memory.jdbc.MessageRow;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LangChain4j messages to rows and back, through LangChain4j's own JSON form of a message
 * ({@link ChatMessageSerializer}): its {@code type} becomes the role, its text becomes
 * {@code content}, and every other field stays in {@code metadata} under LangChain4j's name —
 * {@code toolExecutionRequests}, {@code thinking}, {@code attributes} (AI); {@code name} (user);
 * {@code id}, {@code toolName}, {@code isError} (tool result). A user or tool result message whose
 * contents are not one text (an image, several parts) keeps them in {@code contents}, and
 * {@code content} holds its texts, one per line. An AI message without text (only tool requests)
 * is marked {@code "textAbsent": true}. Empty arrays and objects are left out.
 */
public final class LangChain4jMessages {

    private final ObjectMapper json;

    public LangChain4jMessages(ObjectMapper json) {
        this.json = json;
    }

    public MessageRow toRow(ChatMessage message) {
        ObjectNode metadata = parse(ChatMessageSerializer.messageToJson(message));
        metadata.remove("type");
        String content;
        if (message instanceof SystemMessage system) {
            metadata.remove("text");
            content = system.text();
        } else if (message instanceof AiMessage ai) {
            metadata.remove("text");
            content = ai.text();
            if (content == null) {
                metadata.put("textAbsent", true);
                content = "";
            }
        } else if (message instanceof UserMessage user) {
            content = textOf(user.contents(), metadata);
        } else if (message instanceof ToolExecutionResultMessage result) {
            content = textOf(result.contents(), metadata);
        } else {
            throw new IllegalArgumentException("Expected a SystemMessage, UserMessage, AiMessage or ToolExecutionResultMessage,"
                    + " found a " + message.getClass().getSimpleName() + ", which messages.role (system, user, assistant, tool) cannot hold."
                    + " Keep such messages out of the chat memory.");
        }
        removeEmpty(metadata);
        return new MessageRow(role(message), content, metadata.toString());
    }

    /** The JSON value of a row's {@code metadata} text, which rows are compared by. */
    public ObjectNode metadataValue(String metadata) {
        try {
            return (ObjectNode) json.readTree(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Expected a JSON object in messages.metadata, found '" + metadata + "'.", e);
        }
    }

    public ChatMessage toMessage(MessageRow row) {
        ObjectNode message = metadataValue(row.metadata());
        switch (row.role()) {
            case "system" -> message.put("type", "SYSTEM").put("text", row.content());
            case "user" -> withContents(message.put("type", "USER"), row.content());
            case "assistant" -> {
                message.put("type", "AI");
                if (!message.path("textAbsent").asBoolean(false)) {
                    message.put("text", row.content());
                }
                message.remove("textAbsent");
            }
            case "tool" -> withContents(message.put("type", "TOOL_EXECUTION_RESULT"), row.content());
            default -> throw new IllegalStateException("Expected a role of system, user, assistant or tool in messages.role, found '"
                    + row.role() + "'; the table's check constraint ck_messages_role should have refused it.");
        }
        return ChatMessageDeserializer.messageFromJson(message.toString());
    }

    private static String role(ChatMessage message) {
        return switch (message.type()) {
            case SYSTEM -> "system";
            case USER -> "user";
            case AI -> "assistant";
            case TOOL_EXECUTION_RESULT -> "tool";
            case CUSTOM -> throw new IllegalArgumentException("unreachable: custom messages are refused before");
        };
    }

    /** One text goes to {@code content} alone; anything else stays in {@code contents} too. */
    private static String textOf(List<Content> contents, ObjectNode metadata) {
        if (contents.size() == 1 && contents.get(0) instanceof TextContent text) {
            metadata.remove("contents");
            return text.text();
        }
        return contents.stream().filter(TextContent.class::isInstance).map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    private void withContents(ObjectNode message, String content) {
        if (!message.has("contents")) {
            message.putArray("contents").addObject().put("type", "TEXT").put("text", content);
        }
    }

    private static void removeEmpty(ObjectNode metadata) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            JsonNode value = fields.next().getValue();
            if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
                fields.remove();
            }
        }
    }

    private ObjectNode parse(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("LangChain4j wrote a message that is not a JSON object: " + text, e);
        }
    }
}
