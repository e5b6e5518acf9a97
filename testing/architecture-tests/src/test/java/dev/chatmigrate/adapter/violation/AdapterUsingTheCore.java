package dev.chatmigrate.adapter.violation;

import dev.chatmigrate.core.Chatmigrate;

/** Breaks a rule on purpose (an adapter depending on the core); only {@code RulesCanFailTest} imports it. */
public final class AdapterUsingTheCore {

    public Object api() {
        return Chatmigrate.configure();
    }
}
