package dev.chatmigrate.spi;

import dev.chatmigrate.schema.ChatbotSchema;
import java.time.Duration;
import java.util.Objects;

/** One version applied (or undone) by an engine, with how long it took. */
public record AppliedStep(int version, String description, Duration duration) {

    public AppliedStep {
        if (version < 1 || version > ChatbotSchema.LATEST_VERSION) {
            throw new IllegalArgumentException("version must be 1.." + ChatbotSchema.LATEST_VERSION + ", was " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(duration, "duration");
    }
}
