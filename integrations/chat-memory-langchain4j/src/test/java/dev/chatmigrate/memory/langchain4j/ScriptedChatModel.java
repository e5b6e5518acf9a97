package dev.chatmigrate.memory.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A chat model that answers with canned AI messages, in order, and remembers every request it was sent. */
final class ScriptedChatModel implements ChatModel {

    private final Deque<AiMessage> replies;
    private final List<ChatRequest> requests = new ArrayList<>();

    ScriptedChatModel(AiMessage... replies) {
        this.replies = new ArrayDeque<>(List.of(replies));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        if (replies.isEmpty()) {
            throw new IllegalStateException("The script has no reply left for request " + requests.size());
        }
        return ChatResponse.builder().aiMessage(replies.removeFirst()).build();
    }

    List<ChatRequest> requests() {
        return requests;
    }
}
