package dev.chatmigrate.spi;

import java.util.Collection;

/** No provider has the requested id, or two providers claim the same id. */
public class UnknownEngineException extends InvalidConfigurationException {

    public UnknownEngineException(String message) {
        super(Kind.UNKNOWN_ENGINE, message, "engine", null, null);
    }

    private UnknownEngineException(String message, String expected, String found) {
        super(Kind.UNKNOWN_ENGINE, message, "engine", expected, found);
    }

    /** No provider has {@code id}; {@code known} are the ids that exist. */
    public static UnknownEngineException notFound(String id, Collection<String> known) {
        String expected = "one of " + String.join(", ", known);
        return new UnknownEngineException("Unknown migration engine '" + id + "': expected " + expected
                + ". Choose one of them, or add the adapter's jar to the class path.", expected, id);
    }
}
