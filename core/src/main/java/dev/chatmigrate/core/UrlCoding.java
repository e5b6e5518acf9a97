package dev.chatmigrate.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The percent-encoding and query strings of {@link DatabaseUrl}: URI rules, not form rules (a '+' stays a '+'). */
final class UrlCoding {

    private UrlCoding() {
    }

    static Map<String, String> parseQuery(String url, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        String previous = null;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                // Never the pair itself: after password=..., it is likely the rest of a password that holds an '&'.
                throw DatabaseUrl.invalid(url, (previous == null ? "a parameter" : "the parameter after '" + previous + "'")
                        + " has no value (expected key=value; a value that holds '&' must write it %26)");
            }
            previous = decode(url, pair.substring(0, equals));
            parameters.put(previous, decode(url, pair.substring(equals + 1)));
        }
        return parameters;
    }

    static String toQuery(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        parameters.forEach((key, value) -> {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(key).append('=').append(encodeQueryValue(value));
        });
        return query.toString();
    }

    /** Percent-decoding as in URIs: unlike form decoding, a '+' stays a '+'. */
    static String decode(String url, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw DatabaseUrl.invalid(url, "it has a malformed percent-escape (expected %XX with two hex digits)");
                }
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String encodeQueryValue(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~/:=,".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    static String encodePath(String name) {
        return encodeQueryValue(name).replace("/", "%2F").replace("=", "%3D");
    }
}
