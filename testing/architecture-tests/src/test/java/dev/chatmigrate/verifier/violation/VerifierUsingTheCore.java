package dev.chatmigrate.verifier.violation;

import dev.chatmigrate.core.Chatmigrate;

/** Breaks a rule on purpose (the verifier depending on the core); only {@code RulesCanFailTest} imports it. */
public final class VerifierUsingTheCore {

    public Object api() {
        return Chatmigrate.configure();
    }
}
