package dev.chatmigrate.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords before text reaches a log, an error or {@code --json}. A password is masked as a whole, whatever
 * characters it holds: {@link #redactUrl} for a string known to be a database URL (it trusts no delimiter inside the
 * password), {@link #redact} for free text that may contain URLs.
 */
public final class Secrets {

    /** What stands for a password. */
    public static final String MASK = "****";

    /** {@code scheme://user:} then, greedily, everything up to the last {@code @} of the same word. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/?#@\\s]*):(?!\\{password\\}@)\\S*@");
    /**
     * A {@code password=} parameter, up to the next parameter ({@code &name=}), a quote, white space or the end: a
     * password holding {@code &} is masked as a whole unless what follows it looks like another parameter.
     */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?is)((?:^|[?&;\\s])password=)(?!\\{password\\}).*?(?=&[a-z_][a-z0-9_]*=|['\"\\s]|$)");
    /**
     * In a string that is one URL, a {@code password=} parameter ends only where a parameter a database URL may carry
     * follows, or at the end: blanks, quotes and {@code &} are the password's own.
     */
    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("(?s)((?i:[?&])(?i:password)=).*?(?=&(?:"
            + "user|dbname|options|ssl|sslmode|sslrootcert|sslcert|sslkey|sslpassword|channel_binding|channelBinding|"
            + "connect_timeout|connectTimeout|loginTimeout|socketTimeout|application_name|ApplicationName|"
            + "target_session_attrs|targetServerType|gssencmode|gssEncMode|currentSchema|prepareThreshold)=|$)");

    private Secrets() {
    }

    /**
     * {@code text} with every {@code user:password@} and {@code password=...} masked as {@value #MASK}; the
     * placeholder {@code {password}} of usage examples is left alone.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
        return mask(PASSWORD_PARAMETER, masked);
    }

    /**
     * {@code url} as it may be shown: the whole of what stands between the user name and the last {@code @} is masked
     * (a password with unencoded {@code @ / ? #} or blanks included), and so is every {@code password=} parameter. For a
     * string that is meant to be one database URL, however malformed.
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String shown = url;
        int scheme = shown.indexOf("://");
        Matcher parameter = URL_PASSWORD_PARAMETER.matcher(shown);
        int at = shown.lastIndexOf('@', parameter.find() ? parameter.start() : shown.length());
        if (scheme >= 0 && at > scheme) {
            String userInfo = shown.substring(scheme + 3, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                shown = shown.substring(0, scheme + 3) + userInfo.substring(0, colon) + ":" + MASK + shown.substring(at);
            }
        }
        return mask(URL_PASSWORD_PARAMETER, shown);
    }

    private static String mask(Pattern passwordParameter, String text) {
        Matcher matcher = passwordParameter.matcher(text);
        return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + MASK));
    }
}
