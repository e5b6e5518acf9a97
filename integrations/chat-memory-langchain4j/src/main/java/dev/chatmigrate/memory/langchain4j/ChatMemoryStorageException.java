package dev.chatmigrate.memory.langchain4j;

/** The database refused or failed a chat memory read or write; the cause is the driver's exception. */
public class ChatMemoryStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChatMemoryStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
