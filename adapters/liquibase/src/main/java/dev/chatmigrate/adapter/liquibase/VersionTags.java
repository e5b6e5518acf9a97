package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.schema.ChatbotSchema;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the changelog names versions: version N is the label and the tag {@code vN}. Every changeset of
 * version N carries the label {@code vN}, and the version ends with a changeset that tags the database
 * {@code vN}; {@code v0} tags the point before any chatbot table.
 */
final class VersionTags {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    private VersionTags() {
    }

    /** The tag (and label) of {@code version}. */
    static String of(int version) {
        return "v" + version;
    }

    /** The chatbot version (1 to latest) named by {@code tagOrLabel}, if it names one. */
    static OptionalInt versionOf(String tagOrLabel) {
        if (tagOrLabel == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = VERSION.matcher(tagOrLabel.trim());
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int version = Integer.parseInt(matcher.group(1));
        return version >= 1 && version <= ChatbotSchema.LATEST_VERSION ? OptionalInt.of(version) : OptionalInt.empty();
    }

    /** The chatbot version among {@code labels}, if one names a version. */
    static OptionalInt versionOf(Collection<String> labels) {
        return labels.stream().map(VersionTags::versionOf).filter(OptionalInt::isPresent).findFirst().orElse(OptionalInt.empty());
    }
}
