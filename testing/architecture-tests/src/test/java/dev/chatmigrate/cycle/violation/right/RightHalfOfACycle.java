package dev.chatmigrate.cycle.violation.right;

import dev.chatmigrate.cycle.violation.left.LeftHalfOfACycle;

/** The other half of a package cycle made on purpose; only {@code RulesCanFailTest} imports it. */
public final class RightHalfOfACycle {

    public Object other() {
        return new LeftHalfOfACycle();
    }
}
