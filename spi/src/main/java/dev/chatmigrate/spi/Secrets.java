package dev.chatmigrate.spi;

import java.util.regex.Pattern;

/** Masks passwords in text that may contain database URLs, before it reaches a log or an error. */
public final class Secrets {

    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/?#@\\s]*):(?!\\{password\\}@)[^/?#\\s]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s]*");

    private Secrets() {
    }

    /**
     * {@code text} with every {@code user:password@} and {@code password=...} masked as {@code ****}; the
     * placeholder {@code {password}} of usage examples is left alone.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1:****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }
}
