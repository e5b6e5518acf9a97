package dev.chatmigrate.memory.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.chatmigrate.memory.jdbc.Rows;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LangChain4j's own machinery — AiServices with a chat memory per id, tools — over the canonical tables. */
class AiServicesMemoryTest {

    interface Assistant {
        String chat(@MemoryId String conversationId, @UserMessage String message);
    }

    static final class WeatherTool {
        @Tool("The temperature in a city, in degrees Celsius")
        int temperature(@P(name = "city", value = "the city") String city) {
            return "Lisbon".equals(city) ? 21 : 0;
        }
    }

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = CanonicalTables.create(database);
    }

    private Assistant assistant(ScriptedChatModel model) {
        ChatmigrateChatMemoryStore store = ChatmigrateChatMemoryStore.builder(dataSource).build();
        return AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(new WeatherTool())
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20).chatMemoryStore(store).build())
                .build();
    }

    @Test
    @DisplayName("Both turns are stored in messages, in order, and the second request carries the first turn as history")
    void twoTurnsAreStoredAndReplayed() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(AiMessage.from("Hello, Ada."), AiMessage.from("You are Ada."));
        Assistant assistant = assistant(model);
        String conversationId = UUID.randomUUID().toString();

        assertThat(assistant.chat(conversationId, "My name is Ada.")).isEqualTo("Hello, Ada.");
        assertThat(assistant.chat(conversationId, "What is my name?")).isEqualTo("You are Ada.");

        assertThat(Rows.query(dataSource, "select role, content from messages where conversation_id = ?::uuid order by created_at", conversationId))
                .containsExactly(List.of("user", "My name is Ada."), List.of("assistant", "Hello, Ada."),
                        List.of("user", "What is my name?"), List.of("assistant", "You are Ada."));
        assertThat(model.requests().get(1).messages()).extracting(ChatMessage::type).containsExactly(
                ChatMessageType.USER, ChatMessageType.AI, ChatMessageType.USER);
    }

    @Test
    @DisplayName("A tool call made by AiServices is stored as assistant + tool rows and replayed to the model on the next turn")
    void toolCallsAreStoredAndReplayed() throws Exception {
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("call-1").name("temperature").arguments("{\"city\":\"Lisbon\"}").build();
        ScriptedChatModel model = new ScriptedChatModel(AiMessage.from(request), AiMessage.from("21 °C in Lisbon."), AiMessage.from("You're welcome."));
        Assistant assistant = assistant(model);

        assertThat(assistant.chat("trip", "How warm is Lisbon?")).isEqualTo("21 °C in Lisbon.");
        assistant.chat("trip", "Thanks!");

        assertThat(Rows.query(dataSource, "select role, content, metadata->'toolExecutionRequests'->0->>'name', metadata->>'toolName'"
                + " from messages order by created_at")).containsExactly(
                Arrays.asList("user", "How warm is Lisbon?", null, null),
                Arrays.asList("assistant", "", "temperature", null),
                Arrays.asList("tool", "21", null, "temperature"),
                Arrays.asList("assistant", "21 °C in Lisbon.", null, null),
                Arrays.asList("user", "Thanks!", null, null),
                Arrays.asList("assistant", "You're welcome.", null, null));
        List<ChatMessage> thirdRequest = model.requests().get(2).messages();
        assertThat(thirdRequest.get(1)).isEqualTo(AiMessage.from(request));
        assertThat(thirdRequest).extracting(ChatMessage::type).containsExactly(ChatMessageType.USER, ChatMessageType.AI,
                ChatMessageType.TOOL_EXECUTION_RESULT, ChatMessageType.AI, ChatMessageType.USER);
    }
}
