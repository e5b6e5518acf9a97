package dev.chatmigrate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which scripts run outside a transaction, before and after version 4's placeholder is replaced. */
class OutsideTransactionTest {

    @Test
    void aConcurrentIndexBuildOrDropRunsOutsideATransaction() {
        assertThat(OutsideTransaction.requiredBy("create index concurrently if not exists ix on messages (created_at);")).isTrue();
        assertThat(OutsideTransaction.requiredBy("drop INDEX\n  CONCURRENTLY if exists ix;")).isTrue();
        assertThat(OutsideTransaction.requiredBy("alter table messages validate constraint ck;")).isTrue();
    }

    @Test
    void theConcurrentlyPlaceholderCountsAsConcurrentBeforeItIsReplaced() {
        assertThat(OutsideTransaction.requiredBy("create index ${concurrently} if not exists ix on messages (created_at);")).isTrue();
        assertThat(OutsideTransaction.requiredBy("drop index ${concurrently} if exists ix;")).isTrue();
    }

    @Test
    void aPartitionedMessagesRunsVersion4InATransaction() {
        String script = "create index ${concurrently} if not exists ix on messages (created_at);";
        assertThat(OutsideTransaction.requiredBy(ScriptPlaceholders.replaceIn(script, ScriptPlaceholders.values(true)))).isFalse();
        assertThat(OutsideTransaction.requiredBy(ScriptPlaceholders.replaceIn(script, ScriptPlaceholders.values(false)))).isTrue();
    }

    @Test
    void otherStatementsRunInATransaction() {
        assertThat(OutsideTransaction.requiredBy("create index ix on messages (created_at);")).isFalse();
        assertThat(OutsideTransaction.requiredBy("create index concurrentlyish on messages (created_at);")).isFalse();
        assertThat(OutsideTransaction.requiredBy("create index ${other} on messages (created_at);")).isFalse();
    }
}
