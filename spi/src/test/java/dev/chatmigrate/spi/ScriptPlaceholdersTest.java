package dev.chatmigrate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Version 4's placeholder: the word on a plain {@code messages}, nothing on a partitioned one. */
class ScriptPlaceholdersTest {

    private static final String SCRIPT = "create index ${concurrently} if not exists ix_messages_created_at on messages (created_at);";

    @Test
    void aPlainMessagesGetsConcurrently() {
        assertThat(ScriptPlaceholders.replaceIn(SCRIPT, ScriptPlaceholders.values(false)))
                .isEqualTo("create index concurrently if not exists ix_messages_created_at on messages (created_at);");
    }

    @Test
    void aPartitionedMessagesGetsNothing() {
        assertThat(ScriptPlaceholders.replaceIn(SCRIPT, ScriptPlaceholders.values(true)))
                .isEqualTo("create index  if not exists ix_messages_created_at on messages (created_at);");
    }

    @Test
    void aScriptWithoutPlaceholdersIsUnchanged() {
        assertThat(ScriptPlaceholders.replaceIn("select ${unknown}", ScriptPlaceholders.values(true))).isEqualTo("select ${unknown}");
    }
}
