package dev.chatmigrate.memory.springai;

import static dev.chatmigrate.memory.springai.ChatmigrateChatMemoryRepositoryTest.withoutCreationTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.chatmigrate.memory.jdbc.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Spring AI 2.0.1's own repository tests ({@code InMemoryChatMemoryRepositoryTests} and
 * {@code AbstractJdbcChatMemoryRepositoryIT}) on chatmigrate's repository: the set-up is changed
 * (a fresh PostgreSQL database with the canonical tables); the assertions are Spring AI's, except
 * where docs/chat-memory.md lists a deliberate difference (each such test says which).
 */
class SpringAiRepositoryTestsPortTest {

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;
    ChatMemoryRepository chatMemoryRepository;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = CanonicalTables.create(database);
        chatMemoryRepository = ChatmigrateChatMemoryRepository.builder(dataSource).build();
    }

    @Nested
    @DisplayName("InMemoryChatMemoryRepositoryTests")
    class InMemoryRepositoryTests {

        @Test
        void findConversationIds() {
            String conversationId1 = UUID.randomUUID().toString();
            String conversationId2 = UUID.randomUUID().toString();
            chatMemoryRepository.saveAll(conversationId1, List.of(new UserMessage("Hello")));
            chatMemoryRepository.saveAll(conversationId2, List.of(new AssistantMessage("Hi there")));

            assertThat(chatMemoryRepository.findConversationIds()).containsExactlyInAnyOrder(conversationId1, conversationId2);

            chatMemoryRepository.deleteByConversationId(conversationId1);
            assertThat(chatMemoryRepository.findConversationIds()).containsExactlyInAnyOrder(conversationId2);
        }

        /** Difference: read messages carry their creation time, as with Spring AI's JDBC repository; compared without it. */
        @Test
        void saveMessagesAndFindMultipleMessagesInConversation() {
            String conversationId = UUID.randomUUID().toString();
            List<Message> messages = List.of(new AssistantMessage("I, Robot"), new UserMessage("Hello"));
            chatMemoryRepository.saveAll(conversationId, messages);

            assertThat(withoutCreationTime(chatMemoryRepository.findByConversationId(conversationId))).containsAll(messages);

            chatMemoryRepository.deleteByConversationId(conversationId);
            assertThat(chatMemoryRepository.findByConversationId(conversationId)).isEmpty();
        }

        @Test
        void saveMessagesAndFindSingleMessageInConversation() {
            String conversationId = UUID.randomUUID().toString();
            Message message = new UserMessage("Hello");
            chatMemoryRepository.saveAll(conversationId, List.of(message));

            assertThat(withoutCreationTime(chatMemoryRepository.findByConversationId(conversationId))).contains(message);

            chatMemoryRepository.deleteByConversationId(conversationId);
            assertThat(chatMemoryRepository.findByConversationId(conversationId)).isEmpty();
        }

        @Test
        void findNonExistingConversation() {
            assertThat(chatMemoryRepository.findByConversationId(UUID.randomUUID().toString())).isEmpty();
        }

        @Test
        void subsequentSaveOverwritesPreviousVersion() {
            String conversationId = UUID.randomUUID().toString();
            List<Message> secondMessages = List.of(new AssistantMessage("Hi there"));
            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("Hello")));
            chatMemoryRepository.saveAll(conversationId, secondMessages);

            assertThat(withoutCreationTime(chatMemoryRepository.findByConversationId(conversationId))).containsExactlyElementsOf(secondMessages);
        }

        /** Difference: the message is chatmigrate's sentence (expected, found), not Spring's "cannot be null or empty". */
        @Test
        void nullConversationIdNotAllowed() {
            assertThatThrownBy(() -> chatMemoryRepository.saveAll(null, List.of(new UserMessage("Hello"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
            assertThatThrownBy(() -> chatMemoryRepository.findByConversationId(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
            assertThatThrownBy(() -> chatMemoryRepository.deleteByConversationId(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
        }

        @Test
        void emptyConversationIdNotAllowed() {
            assertThatThrownBy(() -> chatMemoryRepository.saveAll("", List.of(new UserMessage("Hello"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
            assertThatThrownBy(() -> chatMemoryRepository.findByConversationId(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
            assertThatThrownBy(() -> chatMemoryRepository.deleteByConversationId(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a conversation id");
        }

        @Test
        void nullMessagesNotAllowed() {
            String conversationId = UUID.randomUUID().toString();
            assertThatThrownBy(() -> chatMemoryRepository.saveAll(conversationId, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found null");
        }

        @Test
        void messagesWithNullElementsNotAllowed() {
            List<Message> messagesWithNull = new ArrayList<>();
            messagesWithNull.add(null);
            assertThatThrownBy(() -> chatMemoryRepository.saveAll(UUID.randomUUID().toString(), messagesWithNull))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected a message at index 0");
        }
    }

    @Nested
    @DisplayName("AbstractJdbcChatMemoryRepositoryIT")
    class JdbcRepositoryTests {

        /** Set-up: the row is read from chatmigrate's messages table (lower-case role, created_at) instead of SPRING_AI_CHAT_MEMORY. */
        @ParameterizedTest
        @CsvSource({"Message from assistant,ASSISTANT", "Message from user,USER", "Message from system,SYSTEM"})
        void saveMessagesSingleMessage(String content, MessageType messageType) throws Exception {
            String conversationId = UUID.randomUUID().toString();
            Message message = switch (messageType) {
                case ASSISTANT -> new AssistantMessage(content + " - " + conversationId);
                case USER -> new UserMessage(content + " - " + conversationId);
                case SYSTEM -> new SystemMessage(content + " - " + conversationId);
                case TOOL -> throw new IllegalArgumentException("TOOL message type not supported in this test");
            };

            chatMemoryRepository.saveAll(conversationId, List.of(message));

            assertThat(chatMemoryRepository.findConversationIds()).contains(conversationId);
            List<List<String>> result = Rows.query(dataSource, "select conversation_id::text, content, role, (created_at is not null)::text"
                    + " from messages where conversation_id = ?::uuid", conversationId);
            assertThat(result).containsExactly(List.of(conversationId, message.getText(), messageType.getValue(), "true"));
        }

        @Test
        void saveMessagesMultipleMessages() throws Exception {
            String conversationId = UUID.randomUUID().toString();
            List<Message> messages = List.of(new AssistantMessage("Message from assistant - " + conversationId),
                    new UserMessage("Message from user - " + conversationId), new SystemMessage("Message from system - " + conversationId));

            chatMemoryRepository.saveAll(conversationId, messages);

            assertThat(chatMemoryRepository.findConversationIds()).contains(conversationId);
            List<List<String>> results = Rows.query(dataSource, "select content, role from messages where conversation_id = ?::uuid"
                    + " order by created_at", conversationId);
            assertThat(results).containsExactlyElementsOf(messages.stream().map(m -> List.of(m.getText(), m.getMessageType().getValue())).toList());
            assertThat(chatMemoryRepository.findByConversationId(conversationId)).hasSize(messages.size());

            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("Hello")));

            assertThat(chatMemoryRepository.findByConversationId(conversationId)).hasSize(1);
        }

        @Test
        void findMessagesByConversationId() {
            String conversationId = UUID.randomUUID().toString();
            List<Message> messages = List.of(new AssistantMessage("Message from assistant 1 - " + conversationId),
                    new AssistantMessage("Message from assistant 2 - " + conversationId), new UserMessage("Message from user - " + conversationId),
                    new SystemMessage("Message from system - " + conversationId));

            chatMemoryRepository.saveAll(conversationId, messages);

            List<Message> results = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(results).extracting(Message::getText).containsExactlyElementsOf(messages.stream().map(Message::getText).toList());
            assertThat(results).extracting(Message::getMessageType).containsExactlyElementsOf(messages.stream().map(Message::getMessageType).toList());
        }

        /** Set-up: counted in chatmigrate's messages table. (Difference: the conversations row stays, see docs/chat-memory.md.) */
        @Test
        void deleteMessagesByConversationId() throws Exception {
            String conversationId = UUID.randomUUID().toString();
            chatMemoryRepository.saveAll(conversationId, List.of(new AssistantMessage("Message from assistant - " + conversationId),
                    new UserMessage("Message from user - " + conversationId), new SystemMessage("Message from system - " + conversationId)));

            chatMemoryRepository.deleteByConversationId(conversationId);

            assertThat(Rows.query(dataSource, "select count(*) from messages where conversation_id = ?::uuid", conversationId))
                    .containsExactly(List.of("0"));
        }

        @Test
        void testMessageOrder() {
            String conversationId = UUID.randomUUID().toString();
            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("1-First message"), new AssistantMessage("2-Second message"),
                    new UserMessage("3-Third message"), new SystemMessage("4-Fourth message")));

            assertThat(chatMemoryRepository.findByConversationId(conversationId)).extracting(Message::getText)
                    .containsExactly("1-First message", "2-Second message", "3-Third message", "4-Fourth message");
        }

        @Test
        void testMessageOrderWithLargeBatch() {
            String conversationId = UUID.randomUUID().toString();
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                messages.add(new UserMessage("Message " + i));
            }

            chatMemoryRepository.saveAll(conversationId, messages);

            List<Message> retrieved = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(retrieved).hasSize(50);
            for (int i = 0; i < 50; i++) {
                assertThat(retrieved.get(i).getText()).isEqualTo("Message " + i);
            }
        }

        /** Difference, deliberate: Spring AI's JDBC repository drops tool responses; chatmigrate keeps them (in metadata). */
        @Test
        void toolResponseMessagesAreKeptNotFiltered() {
            String conversationId = UUID.randomUUID().toString();
            ToolResponseMessage toolResponse = ToolResponseMessage.builder()
                    .responses(List.of(new ToolResponseMessage.ToolResponse("id1", "myTool", "result"))).build();

            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("Hello"), toolResponse));

            List<Message> results = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(results).hasSize(2);
            assertThat(results.get(0).getText()).isEqualTo("Hello");
            assertThat(((ToolResponseMessage) results.get(1)).getResponses()).isEqualTo(toolResponse.getResponses());
        }

        /** Difference, deliberate: Spring AI's JDBC repository drops assistant messages with tool calls; chatmigrate keeps them. */
        @Test
        void assistantMessagesWithToolCallsAreKeptNotFiltered() {
            String conversationId = UUID.randomUUID().toString();
            AssistantMessage toolCallAssistant = AssistantMessage.builder()
                    .toolCalls(List.of(new AssistantMessage.ToolCall("call1", "function", "getWeather", "{}"))).build();

            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("What is the weather?"), toolCallAssistant,
                    new AssistantMessage("It is sunny.")));

            List<Message> results = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(results).extracting(Message::getText).containsExactly("What is the weather?", null, "It is sunny.");
            assertThat(((AssistantMessage) results.get(1)).getToolCalls()).isEqualTo(toolCallAssistant.getToolCalls());
        }

        @Test
        void messageTimestampIsExposedAsMetadataAndPreservedAcrossSaves() {
            String conversationId = UUID.randomUUID().toString();
            chatMemoryRepository.saveAll(conversationId, List.of(new UserMessage("first")));

            List<Message> afterFirstSave = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(afterFirstSave).hasSize(1);
            Object firstTimestamp = afterFirstSave.get(0).getMetadata().get(ChatmigrateChatMemoryRepository.CONVERSATION_TS);
            assertThat(firstTimestamp).isInstanceOf(Instant.class);

            List<Message> nextMessages = new ArrayList<>(afterFirstSave);
            nextMessages.add(new AssistantMessage("second"));
            chatMemoryRepository.saveAll(conversationId, nextMessages);

            List<Message> afterSecondSave = chatMemoryRepository.findByConversationId(conversationId);
            assertThat(afterSecondSave).hasSize(2);
            assertThat(afterSecondSave.get(0).getMetadata().get(ChatmigrateChatMemoryRepository.CONVERSATION_TS)).isEqualTo(firstTimestamp);
            assertThat(afterSecondSave.get(1).getMetadata().get(ChatmigrateChatMemoryRepository.CONVERSATION_TS)).isInstanceOf(Instant.class);
        }
    }
}
