package dev.chatmigrate.memory.langchain4j.violation;

import org.springframework.ai.chat.messages.Message;

/** Breaks the chat-memory rule on purpose: the LangChain4j store must not bring Spring AI. */
public class LangChain4jMemoryUsingSpringAi {

    public String text(Message message) {
        return message.getText();
    }
}
