package dev.chatmigrate.cli.compare;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value of {@code compare --rtt}: milliseconds or seconds, such as {@code 50ms}, {@code 0.05s} or {@code 0}. */
public final class RoundTripTime {

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

    private RoundTripTime() {
    }

    /** {@code text} as a duration; a bare number is milliseconds. */
    public static Duration parse(String text) {
        Matcher matcher = TIME.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidConfigurationException("Expected a round-trip time such as 50ms, 0.05s or 0 for --rtt, found '" + text
                    + "'. Give milliseconds (ms) or seconds (s).", "rtt", "a time such as 50ms", text);
        }
        double value = Double.parseDouble(matcher.group(1));
        double millis = "s".equals(matcher.group(2)) ? value * 1000 : value;
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
