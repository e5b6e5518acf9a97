package dev.chatmigrate.memory.springai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** A chat model that answers with canned replies, in order, and remembers every prompt it was sent. */
final class ScriptedChatModel implements ChatModel {

    private final Deque<String> replies;
    private final List<Prompt> prompts = new ArrayList<>();

    ScriptedChatModel(String... replies) {
        this.replies = new ArrayDeque<>(List.of(replies));
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        if (replies.isEmpty()) {
            throw new IllegalStateException("The script has no reply left for prompt " + prompts.size());
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(replies.removeFirst()))));
    }

    List<Prompt> prompts() {
        return prompts;
    }
}
