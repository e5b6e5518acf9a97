package dev.chatmigrate.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The chatbot service: Spring Boot with the chatmigrate starter (the schema is migrated before any
 * bean uses the database) and Spring AI (a chat client whose memory is the chatbot's own tables).
 */
@SpringBootApplication
public class ChatbotApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatbotApplication.class, args);
    }
}
