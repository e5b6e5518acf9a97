package dev.chatmigrate.spi;

import java.util.Collection;

/** No provider has the requested id, or two providers claim the same id; exit code 2. */
public class UnknownEngineException extends InvalidConfigurationException {

    public UnknownEngineException(String message) {
        super(message);
    }

    static UnknownEngineException notFound(String id, Collection<String> known) {
        return new UnknownEngineException("Unknown migration engine '" + id + "': expected one of "
                + String.join(", ", known) + ". Set --engine or CHATMIGRATE_ENGINE to one of them"
                + " (or add the adapter's jar to the class path).");
    }
}
