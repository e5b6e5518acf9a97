package dev.chatmigrate.memory.jdbc.violation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the chat memory JDBC rule on purpose: the shared code must not bring a JSON library (nor a framework). */
public class ChatMemoryJdbcUsingJackson {

    public String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
