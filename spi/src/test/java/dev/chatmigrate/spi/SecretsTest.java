package dev.chatmigrate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksPasswordsInUrlsAndParameters() {
        assertThat(Secrets.redact("connect to postgresql://bot:hunter2@host/db failed"))
                .isEqualTo("connect to postgresql://bot:****@host/db failed");
        assertThat(Secrets.redact("postgresql://bot:p@ss@host/db")).doesNotContain("p@ss").contains("bot:****@host");
        assertThat(Secrets.redact("jdbc:postgresql://host/db?user=bot&password=hunter2&sslmode=require"))
                .isEqualTo("jdbc:postgresql://host/db?user=bot&password=****&sslmode=require");
        assertThat(Secrets.redact("no secrets here")).isEqualTo("no secrets here");
        assertThat(Secrets.redact("expected postgresql://{user}:{password}@{host}/{database}")).contains("{user}:{password}@");
    }
}
