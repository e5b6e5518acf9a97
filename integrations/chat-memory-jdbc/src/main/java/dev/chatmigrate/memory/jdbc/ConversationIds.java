package dev.chatmigrate.memory.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps a framework's conversation id (any string) to a {@code conversations.id}: a string in UUID
 * form is that UUID; any other string is the name-based (version 5, SHA-1) UUID of the string in
 * the namespace {@link #NAMESPACE}, so the same string always reaches the same row.
 */
final class ConversationIds {

    /** Version 5 UUID of {@code urn:chatmigrate:chat-memory:conversation-id} in the URL namespace of RFC 9562. */
    static final UUID NAMESPACE = UUID.fromString("0b82b998-a1cf-5d1a-8f04-386914e29d13");

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ConversationIds() {
    }

    /** The row id for {@code conversationId}. */
    static UUID toUuid(String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("Expected a conversation id (a UUID or any string with text), found "
                    + (conversationId == null ? "null" : "'" + conversationId + "'") + ".");
        }
        if (UUID_FORM.matcher(conversationId).matches()) {
            return UUID.fromString(conversationId.toLowerCase(Locale.ROOT));
        }
        return nameBased(conversationId);
    }

    static UUID nameBased(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
