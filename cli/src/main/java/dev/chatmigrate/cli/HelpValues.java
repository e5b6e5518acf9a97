package dev.chatmigrate.cli;

import dev.chatmigrate.core.Setting;
import dev.chatmigrate.schema.ChatbotSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * Values the help texts take from the schema declaration, as {@code ${bundle:key}} in picocli
 * descriptions, so that no help text names a version that a new version would make wrong; and the help of every
 * flag of a {@link Setting}, as {@code setting.<key>}: its description, variable and default, declared there once.
 */
public final class HelpValues extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<Object[]> contents = new ArrayList<>();
        contents.add(new Object[] {"latestVersion", Integer.toString(ChatbotSchema.LATEST_VERSION)});
        contents.add(new Object[] {"versionBeforeLatest", Integer.toString(ChatbotSchema.LATEST_VERSION - 1)});
        for (Setting setting : Setting.values()) {
            contents.add(new Object[] {"setting." + setting.key(), help(setting)});
        }
        return contents.toArray(Object[][]::new);
    }

    /** Such as {@code Schema of the chatbot tables (CHATMIGRATE_SCHEMA; default public).} */
    static String help(Setting setting) {
        String description = Character.toUpperCase(setting.description().charAt(0)) + setting.description().substring(1);
        return description + " (" + setting.environmentVariable() + "; default " + setting.defaultDescription() + ").";
    }
}
