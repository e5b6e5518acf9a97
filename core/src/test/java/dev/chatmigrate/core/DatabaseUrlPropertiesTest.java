package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of {@link DatabaseUrl#parse} over generated credentials, hosts and garbage. */
class DatabaseUrlPropertiesTest {

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .filter(p -> p.codePoints().noneMatch(Character::isISOControl) && p.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12);
        return label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
    }

    @Property
    void anyPercentEncodedPasswordRoundTripsAndNeverLeaks(@ForAll("passwords") String password, @ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65535) int port) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        String url = "postgresql://bot:" + encoded + "@" + host + ":" + port + "/chat?sslmode=require";

        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(parsed.database().password()).isEqualTo(password);
        assertThat(parsed.database().user()).isEqualTo("bot");
        assertThat(parsed.database().jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + ":" + port + "/chat?sslmode=require");
        // The description must not depend on the password at all: "does not contain" cannot be asked of a
        // password such as "*" or "a", which the description's other characters happen to contain.
        String withOtherPassword = DatabaseUrl.parse(url.replace("bot:" + encoded + "@", "bot:other@")).database().toString();
        assertThat(parsed.database().toString()).isEqualTo(withOtherPassword);
    }

    /**
     * A password as users paste it, not encoded, in the user information or in a {@code password=} parameter of either
     * form: the URL parses, or its error names a cause; either way no text shown holds the password. A password that a
     * message holds anyway, whichever the password (say "valid"), says nothing and is not asked about.
     */
    @Property
    void rawPasswordsOfEveryPrintableCharacterAreNeverShown(@ForAll("rawPasswords") String password, @ForAll @IntRange(min = 0, max = 2) int form) {
        String url = switch (form) {
            case 0 -> "postgresql://bot:" + password + "@127.0.0.1:5432/chat?sslmode=disable";
            case 1 -> "postgresql://127.0.0.1:5432/chat?user=bot&password=" + password + "&sslmode=disable";
            default -> "jdbc:postgresql://127.0.0.1:5432/chat?user=bot&password=" + password;
        };
        String shown = shown(url);
        if (shown(url.replace(password, "Zq7Zq7Zq7Zq7")).contains(password)) {
            return;
        }
        assertThat(shown).doesNotContain(password);
    }

    @Provide
    Arbitrary<String> rawPasswords() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(8).ofMaxLength(40);
    }

    /** Every text {@link DatabaseUrl#parse} lets out: the database's description, or the error and its "found" value. */
    private static String shown(String url) {
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            return parsed.database().toString() + "\n" + String.join("\n", parsed.notices());
        } catch (InvalidConfigurationException e) {
            return e.getMessage() + "\n" + e.found();
        }
    }

    @Property
    void garbageIsEitherAValidUrlOrAConfigurationErrorThatHidesThePassword(@ForAll @StringLength(max = 60) String garbage) {
        String url = "postgresql://bot:Sup3rSecret@" + garbage;
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            assertThat(parsed.database().jdbcUrl()).startsWith("jdbc:postgresql://").doesNotContain("Sup3rSecret");
        } catch (InvalidConfigurationException e) {
            assertThat(e.getMessage()).doesNotContain("Sup3rSecret").contains("Expected postgresql://");
        }
    }

    @Property
    void foreignSchemesAreRefused(@ForAll("hosts") String host, @ForAll @StringLength(min = 1, max = 10) String scheme) {
        String lower = scheme.toLowerCase();
        if (lower.startsWith("postgres") || lower.startsWith("jdbc:postgresql")) {
            return;
        }
        assertThatThrownBy(() -> DatabaseUrl.parse(scheme + "://u:p@" + host + "/db")).isInstanceOf(InvalidConfigurationException.class);
    }
}
