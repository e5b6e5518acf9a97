package dev.chatmigrate.cycle.violation.left;

import dev.chatmigrate.cycle.violation.right.RightHalfOfACycle;

/** Half of a package cycle made on purpose (left depends on right, right on left); only {@code RulesCanFailTest} imports it. */
public final class LeftHalfOfACycle {

    public Object other() {
        return new RightHalfOfACycle();
    }
}
