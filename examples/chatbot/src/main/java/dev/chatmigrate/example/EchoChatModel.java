package dev.chatmigrate.example;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The offline model used when no provider is configured: it answers with the user's last message and
 * says that it is an echo, so the service runs anywhere without a key and nobody mistakes it for a model.
 */
final class EchoChatModel implements ChatModel {

    static final String NAME = "echo (offline, no model configured)";

    @Override
    public ChatResponse call(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        String last = messages.stream().filter(m -> m.getMessageType() == MessageType.USER).reduce((a, b) -> b)
                .map(Message::getText).orElse("");
        long earlier = messages.stream().filter(m -> m.getMessageType() == MessageType.USER).count() - 1;
        String reply = "[echo model: set OPENAI_API_KEY for a real one] You said: " + last
                + (earlier > 0 ? " (" + earlier + " earlier message" + (earlier == 1 ? "" : "s") + " of yours in memory)" : "");
        return new ChatResponse(List.of(new Generation(new AssistantMessage(reply))));
    }
}
