package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Nested
    @DisplayName("libpq URIs")
    class Libpq {

        @Test
        @DisplayName("a Neon URI as pasted becomes a JDBC URL with the decoded password beside it")
        void neonUri() {
            DatabaseUrl url = DatabaseUrl.parse(
                    "postgresql://alex:p%40ss%2Fw0rd@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require");

            assertThat(url.database().jdbcUrl())
                    .isEqualTo("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require&channelBinding=require");
            assertThat(url.database().user()).isEqualTo("alex");
            assertThat(url.database().password()).isEqualTo("p@ss/w0rd");
            assertThat(url.notices()).isEmpty();
        }

        @Test
        @DisplayName("a Neon -pooler host is switched to the direct host, and the switch is announced")
        void poolerBecomesDirect() {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://alex:pw@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require");

            assertThat(url.database().jdbcUrl()).startsWith("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb");
            assertThat(url.notices()).singleElement().asString().contains("pooler").contains("direct host");
        }

        @Test
        @DisplayName("Neon's options=endpoint=... is dropped, pgJDBC sends SNI itself")
        void endpointOptionIsDropped() {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@ep-x-1.neon.tech/db?options=endpoint%3Dep-x-1&sslmode=require");

            assertThat(url.database().jdbcUrl()).isEqualTo("jdbc:postgresql://ep-x-1.neon.tech/db?sslmode=require");
        }

        @Test
        @DisplayName("ports, IPv6 hosts and several hosts are kept; postgres:// works too")
        void hostsAndPorts() {
            assertThat(DatabaseUrl.parse("postgres://u@localhost:6543/chat").database().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:6543/chat");
            assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5433/chat").database().jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/chat");
            assertThat(DatabaseUrl.parse("postgresql://u:p@[2001:db8::7]/chat").database().jdbcUrl()).isEqualTo("jdbc:postgresql://[2001:db8::7]/chat");
            assertThat(DatabaseUrl.parse("postgresql://u:p@h1:5432,h2:5433/chat?target_session_attrs=read-write").database().jdbcUrl())
                    .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/chat?targetServerType=primary");
        }

        @Test
        @DisplayName("a user without a password, and a '+' in the password, are taken literally")
        void credentials() {
            Database noPassword = DatabaseUrl.parse("postgresql://bot@localhost/chat").database();
            assertThat(noPassword.user()).isEqualTo("bot");
            assertThat(noPassword.password()).isNull();

            assertThat(DatabaseUrl.parse("postgresql://bot:a+b%2Bc@localhost/chat").database().password()).isEqualTo("a+b+c");
        }

        @Test
        @DisplayName("user and password parameters become credentials, not URL parameters")
        void credentialParameters() {
            Database database = DatabaseUrl.parse("postgresql://localhost/chat?user=bot&password=s3cret").database();

            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/chat");
            assertThat(database.user()).isEqualTo("bot");
            assertThat(database.password()).isEqualTo("s3cret");
        }
    }

    @Nested
    @DisplayName("several hosts mean the primary")
    class SeveralHosts {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "postgresql://bot@h1:5432,h2:5433/chat",
                "postgresql://bot@h1:5432,h2:5433/chat?target_session_attrs=any",
                "postgresql://bot@h1:5432,h2:5433/chat?target_session_attrs=read-write",
                "postgresql://bot@h1:5432,h2:5433/chat?target_session_attrs=primary",
                "jdbc:postgresql://h1:5432,h2:5433/chat?user=bot",
                "jdbc:postgresql://h1:5432,h2:5433/chat?targetServerType=any&user=bot",
                "jdbc:postgresql://h1:5432,h2:5433/chat?targetServerType=primary&user=bot"})
        @DisplayName("without a choice, with 'any' or with the primary asked for: the primary, silently")
        void primaryWithoutNotice(String url) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);

            assertThat(parsed.database().jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/chat?targetServerType=primary");
            assertThat(parsed.database().user()).isEqualTo("bot");
            assertThat(parsed.notices()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "postgresql://h1,h2/chat?target_session_attrs=read-only",
                "postgresql://h1,h2/chat?target_session_attrs=prefer-standby",
                "jdbc:postgresql://h1,h2/chat?targetServerType=secondary"})
        @DisplayName("a standby asked for: the primary all the same, and the override is announced")
        void standbyIsOverridden(String url) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);

            assertThat(parsed.database().jdbcUrl()).isEqualTo("jdbc:postgresql://h1,h2/chat?targetServerType=primary");
            assertThat(parsed.notices()).singleElement().asString().contains("2 hosts").contains("primary");
        }

        @Test
        @DisplayName("one host keeps whatever the URL asks for")
        void oneHostIsLeftAlone() {
            assertThat(DatabaseUrl.parse("jdbc:postgresql://h1/chat").database().jdbcUrl()).isEqualTo("jdbc:postgresql://h1/chat");
            assertThat(DatabaseUrl.parse("postgresql://h1/chat?target_session_attrs=read-only").database().jdbcUrl())
                    .isEqualTo("jdbc:postgresql://h1/chat?targetServerType=secondary");
        }
    }

    @Nested
    @DisplayName("JDBC URLs")
    class Jdbc {

        @Test
        @DisplayName("a JDBC URL is kept, with credentials moved out of it")
        void jdbcUrl() {
            Database database = DatabaseUrl.parse("jdbc:postgresql://db:5432/chat?sslmode=require&user=bot&password=s3cret").database();

            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/chat?sslmode=require");
            assertThat(database.user()).isEqualTo("bot");
            assertThat(database.password()).isEqualTo("s3cret");
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "postgresql://", "postgresql:///chat", "postgresql://u:p@host", "postgresql://u:p@host/",
                "mysql://u:p@host/db", "jdbc:mysql://host/db", "jdbc:postgresql://", "postgresql://u:p@host:port/db",
                "postgresql://u:p@[::1/db", "postgresql://u:p%zz@host/db", "postgresql://u:p@host/db?weird=1", "postgresql://u:p@host/db?sslmode",
                "postgresql://u:p@host/db?options=-csearch_path%3Dx", "postgresql://u:p@,host/db"})
        @DisplayName("is refused with a configuration error that shows the expected form")
        void isRefused(String url) {
            assertThatThrownBy(() -> DatabaseUrl.parse(url))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("Expected postgresql://")
                    .satisfies(e -> assertThat(((MigrationException) e).kind()).isEqualTo(MigrationException.Kind.BAD_CONFIGURATION))
                    .satisfies(e -> assertThat(((MigrationException) e).setting()).contains("url"));
        }

        @Test
        @DisplayName("never shows the password in the error")
        void passwordIsMasked() {
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://bot:hunter2@host/db?weird=1"))
                    .hasMessageContaining("bot:****@host")
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://bot:hunter2@host:99999x/db"))
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Nested
    @DisplayName("passwords users paste unencoded")
    class RawPasswords {

        @Test
        @DisplayName("'?' and '#' in a password are read as libpq reads them: part of the password")
        void questionMarkAndHashAreThePasswords() {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://w2:s3cr#t?x@127.0.0.1:5432/db");

            assertThat(url.database().password()).isEqualTo("s3cr#t?x");
            assertThat(url.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db");
        }

        @Test
        @DisplayName("an '@' or '/' in a password is named as the cause, and the whole password is masked")
        void atAndSlashAreNamed() {
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://weird:p@ss:w/rd%?#& x@127.0.0.1/db"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("'postgresql://weird:****@127.0.0.1/db'")
                    .hasMessageContaining("holds a '@', which must be written %40")
                    .hasMessageNotContaining("ss:w").hasMessageNotContaining("rd%");
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://weird:pa/ss@127.0.0.1/db"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("'postgresql://weird:****@127.0.0.1/db'")
                    .hasMessageContaining("holds a '/', which must be written %2F")
                    .hasMessageNotContaining("pa/ss");
        }

        @Test
        @DisplayName("a password parameter that holds '&' is masked to its end, and the error does not quote its rest")
        void ampersandInAPasswordParameter() {
            assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://127.0.0.1/db?user=bot&password=ab&cdef9Kq"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("password=****'")
                    .hasMessageContaining("the parameter after 'password' has no value")
                    .hasMessageNotContaining("cdef9Kq");
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://127.0.0.1/db?password=ab&cd=ef&sslmode=require"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("password=****&sslmode=require'")
                    .hasMessageContaining("the password holds an '&'")
                    .hasMessageNotContaining("cd=ef");
        }
    }
}
