package dev.chatmigrate.core.adoption;

import dev.chatmigrate.spi.SchemaConflictException;
import java.util.List;

/**
 * Existing tables that adoption refused to take over; nothing was changed. Besides the differences, it names the
 * settings that would convert what was refused only because converting changes values ({@code convert-ids},
 * {@code lowercase-roles}), so a command can say which of its flags to pass.
 */
public final class AdoptionConflictException extends SchemaConflictException {

    private final List<String> settings;

    public AdoptionConflictException(String summary, List<String> differences, List<String> settings) {
        super(summary, differences);
        this.settings = List.copyOf(settings);
    }

    /** The settings (such as {@link AdoptionOptions#CONVERT_IDS}) that would let adoption convert what it refused; may be empty. */
    public List<String> settings() {
        return settings;
    }
}
