package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No password reaches the terminal or {@code --json}, whatever it holds and wherever the URL carries it: the command
 * runs against a port where nothing listens, so each URL ends in a configuration error or a connection error.
 */
class SecretsNeverShownTest {

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(8).ofMaxLength(30);
    }

    @Property(tries = 150)
    void noOutputOfMigrateOrStatusHoldsThePassword(@ForAll("passwords") String password, @ForAll @IntRange(min = 0, max = 4) int form,
            @ForAll boolean json) {
        String url = url(form, password);
        String shown = run(url, json);
        if (run(url.replace(password, "Zq7Zq7Zq7Zq7"), json).contains(password)) {
            return; // a password that the output holds whichever the password (say "database") tells nothing
        }
        assertThat(shown).doesNotContain(password);
    }

    private static String url(int form, String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        return switch (form) {
            case 0 -> "postgresql://bot:" + password + "@127.0.0.1:1/chat";
            case 1 -> "postgresql://bot:" + encoded + "@127.0.0.1:1/chat?sslmode=disable";
            case 2 -> "postgresql://127.0.0.1:1/chat?user=bot&password=" + password + "&sslmode=disable";
            case 3 -> "jdbc:postgresql://127.0.0.1:1/chat?user=bot&password=" + password;
            default -> "jdbc:postgresql://127.0.0.1:1/chat?user=bot&password=" + encoded;
        };
    }

    /** Both streams of one {@code migrate} with {@code url}, given as {@code DATABASE_URL}. */
    private static String run(String url, boolean json) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.of("DATABASE_URL", url, "CHATMIGRATE_CONNECT_TIMEOUT", "1ms");
        String[] args = json ? new String[] {"migrate", "--json"} : new String[] {"migrate"};
        int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exitCode).as("exit code of %s, which cannot work: %s %s", url, out, err).isIn(2, 3);
        return out + "\n" + err;
    }
}
