package dev.chatmigrate.cli;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.fleet.TargetWork;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SmokeCheck;
import java.util.List;

/**
 * {@code verify} on one target of a fleet: what {@link VerifyCommand} checks (the canonical objects at the engine's
 * version, the read/write smoke check, with {@code --strict} the extra objects), a difference failing as a conflict.
 */
final class FleetVerification implements TargetWork {

    private final boolean strict;

    FleetVerification(boolean strict) {
        this.strict = strict;
    }

    @Override
    public Done run(Chatmigrate chatmigrate) {
        String schema = chatmigrate.settings().schema();
        StatusReport status = chatmigrate.status();
        int version = status.currentVersion();
        SchemaCheck check = SchemaCheck.of(chatmigrate, version);
        DriftReport drift = check.drift();
        SmokeCheck.Result smoke = check.smoke();
        if (!drift.canonicalObjectsMatch()) {
            throw new SchemaConflictException("Schema " + schema + " differs from version " + version + ": " + drift
                    + " chatmigrate verify --schema " + schema + " tells what would fix it.", List.of());
        }
        if (smoke != null && !smoke.passed()) {
            throw new SchemaConflictException("The read/write smoke check failed on schema " + schema + ": " + smoke.detail(), List.of());
        }
        if (strict && !drift.extras().isEmpty()) {
            throw new SchemaConflictException("--strict: " + drift.extras().size() + " object(s) of schema " + schema
                    + " are not part of the canonical schema.", List.of());
        }
        return new Done(version, version, false, "verified at version " + version
                + (drift.extras().isEmpty() ? "" : ", " + drift.extras().size() + " object(s) beyond the canonical schema"));
    }
}
