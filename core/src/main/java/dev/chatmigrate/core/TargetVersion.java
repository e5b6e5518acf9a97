package dev.chatmigrate.core;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;

/** The one check of a target version: a declared version from the lowest an operation allows to the latest. */
public final class TargetVersion {

    private TargetVersion() {
    }

    /**
     * Returns {@code target} when it lies from {@code lowest} to {@link ChatbotSchema#LATEST_VERSION}; otherwise throws
     * {@link InvalidConfigurationException} for setting {@code target}, saying that {@code operation} cannot go there.
     */
    public static int require(int target, int lowest, String operation) {
        return require(target, lowest, operation, null);
    }

    /** As {@link #require(int, int, String)}, for a target read from a setting's {@code source} (a flag, a variable). */
    static int require(int target, int lowest, String operation, String source) {
        if (target < lowest || target > ChatbotSchema.LATEST_VERSION) {
            String expected = "a version from " + lowest + " to " + ChatbotSchema.LATEST_VERSION + (source == null ? "" : ", or latest");
            throw new InvalidConfigurationException("Cannot " + operation + " to version " + target
                    + (source == null ? "" : " (from " + source + ")") + ": it does not exist. Expected " + expected + ".",
                    Setting.TARGET.key(), expected, Integer.toString(target));
        }
        return target;
    }
}
