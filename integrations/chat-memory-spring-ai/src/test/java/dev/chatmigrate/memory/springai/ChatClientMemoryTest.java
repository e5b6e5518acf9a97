package dev.chatmigrate.memory.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.chatmigrate.memory.jdbc.Rows;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.Message;

/** Spring AI's own machinery — ChatClient, MessageChatMemoryAdvisor, MessageWindowChatMemory — over the canonical tables. */
class ChatClientMemoryTest {

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = CanonicalTables.create(database);
    }

    private ChatClient chatClient(ScriptedChatModel model, int window) {
        ChatMemory memory = MessageWindowChatMemory.builder()
                .chatMemoryRepository(ChatmigrateChatMemoryRepository.builder(dataSource).build())
                .maxMessages(window)
                .build();
        return ChatClient.builder(model).defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build()).build();
    }

    private static String ask(ChatClient client, String conversationId, String question) {
        return client.prompt().user(question).advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, conversationId)).call().content();
    }

    @Test
    @DisplayName("Both turns are stored in messages, in order, and the second prompt carries the first turn as history")
    void twoTurnsAreStoredAndReplayed() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel("Hello, Ada.", "You are Ada.");
        ChatClient client = chatClient(model, 20);
        String conversationId = UUID.randomUUID().toString();

        assertThat(ask(client, conversationId, "My name is Ada.")).isEqualTo("Hello, Ada.");
        assertThat(ask(client, conversationId, "What is my name?")).isEqualTo("You are Ada.");

        assertThat(Rows.query(dataSource, "select role, content from messages where conversation_id = ?::uuid order by created_at", conversationId))
                .containsExactly(List.of("user", "My name is Ada."), List.of("assistant", "Hello, Ada."),
                        List.of("user", "What is my name?"), List.of("assistant", "You are Ada."));
        assertThat(Rows.query(dataSource, "select user_id from conversations where id = ?::uuid", conversationId))
                .containsExactly(List.of(ChatmigrateChatMemoryRepository.DEFAULT_USER_ID));

        List<Message> secondPrompt = model.prompts().get(1).getInstructions();
        assertThat(secondPrompt).extracting(message -> message.getMessageType().getValue(), Message::getText).containsExactly(
                tuple("user", "My name is Ada."), tuple("assistant", "Hello, Ada."), tuple("user", "What is my name?"));
    }

    @Test
    @DisplayName("A conversation the application created (with its user and title) is used as it is, not duplicated")
    void applicationConversationIsUsed() throws Exception {
        String conversationId = Rows.query(dataSource,
                "insert into conversations (user_id, title) values ('user-7', 'Trip to Lisbon') returning id").get(0).get(0);

        ask(chatClient(new ScriptedChatModel("Sure."), 20), conversationId, "Plan my trip.");

        assertThat(Rows.query(dataSource, "select id::text, user_id, title from conversations"))
                .containsExactly(List.of(conversationId, "user-7", "Trip to Lisbon"));
        assertThat(Rows.query(dataSource, "select count(*) from messages where conversation_id = ?::uuid", conversationId))
                .containsExactly(List.of("2"));
    }

    @Test
    @DisplayName("When the window slides, the rows that stay keep their id and created_at; only the oldest go")
    void slidingWindowKeepsSurvivingRows() throws Exception {
        ChatClient client = chatClient(new ScriptedChatModel("a1", "a2", "a3"), 4);
        ask(client, "window", "q1");
        ask(client, "window", "q2");
        List<List<String>> before = Rows.query(dataSource, "select id::text, created_at::text, content from messages order by created_at");

        ask(client, "window", "q3");

        List<List<String>> after = Rows.query(dataSource, "select id::text, created_at::text, content from messages order by created_at");
        assertThat(after).extracting(row -> row.get(2)).containsExactly("q2", "a2", "q3", "a3");
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(2, 4));
    }
}
