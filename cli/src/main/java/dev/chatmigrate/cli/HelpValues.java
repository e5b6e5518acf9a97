package dev.chatmigrate.cli;

import dev.chatmigrate.schema.ChatbotSchema;
import java.util.ListResourceBundle;

/**
 * Values the help texts take from the schema declaration, as {@code ${bundle:key}} in picocli
 * descriptions, so that no help text names a version that a new version would make wrong.
 */
public final class HelpValues extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"latestVersion", Integer.toString(ChatbotSchema.LATEST_VERSION)},
                {"versionBeforeLatest", Integer.toString(ChatbotSchema.LATEST_VERSION - 1)},
        };
    }
}
