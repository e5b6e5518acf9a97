package dev.chatmigrate.example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chatbot's API under {@code /api}; bodies are read by {@link JsonRequest}, so every 400 names its field. */
@RestController
class ConversationController {

    private final ConversationStore conversations;
    private final ChatClient chat;
    private final ChatMemoryRepository memory;
    private final String model;

    ConversationController(ConversationStore conversations, ChatClient chat, ChatMemoryRepository memory, ChatModel model) {
        this.conversations = conversations;
        this.chat = chat;
        this.memory = memory;
        this.model = model instanceof EchoChatModel ? EchoChatModel.NAME : model.getClass().getSimpleName();
    }

    @GetMapping("/")
    Map<String, Object> root() {
        return Map.of("service", "chatmigrate example chatbot (Spring Boot + Spring AI)", "model", model,
                "routes", List.of("POST /api/conversations", "POST /api/conversations/{id}/chat", "GET /api/conversations/{id}/messages",
                        "GET /actuator/health", "GET /actuator/info"));
    }

    @PostMapping("/api/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    Conversation create(@RequestBody(required = false) byte[] body) {
        return conversations.create(NewConversation.parse(body == null ? new byte[0] : body));
    }

    @PostMapping("/api/conversations/{id}/chat")
    Map<String, Object> chat(@PathVariable("id") String id, @RequestBody(required = false) byte[] body) {
        ChatRequest request = ChatRequest.parse(body == null ? new byte[0] : body);
        UUID conversation = existing(id);
        String reply = chat.prompt().user(request.message())
                .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, conversation.toString())).call().content();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("conversationId", conversation);
        answer.put("reply", reply);
        answer.put("model", model);
        return answer;
    }

    @GetMapping("/api/conversations/{id}/messages")
    Map<String, Object> messages(@PathVariable("id") String id) {
        UUID conversation = existing(id);
        List<Map<String, String>> listed = memory.findByConversationId(conversation.toString()).stream()
                .map(message -> Map.of("role", message.getMessageType().getValue(), "content", message.getText()))
                .toList();
        return Map.of("conversationId", conversation, "messages", listed);
    }

    private UUID existing(String id) {
        return conversations.find(id).orElseThrow(() -> ApiException.notFound("No conversation " + TextField.quote(id)
                + " (conversation ids are UUIDs, as POST /api/conversations returns them)."));
    }
}
