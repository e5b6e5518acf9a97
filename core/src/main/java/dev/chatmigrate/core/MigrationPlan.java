package dev.chatmigrate.core;

import dev.chatmigrate.core.adoption.AdoptionStep;
import java.util.List;

/**
 * What {@code migrate} would do from the database as it is, computed without changing anything: adoption's steps,
 * the objects it would leave in place, the conflicts that would make it refuse, and the versions the engine would
 * then apply.
 *
 * @param conflicts         every reason migrate would refuse (nothing would be changed); empty when it would succeed
 * @param refusedSettings   the settings whose conversion the conflicts ask for, such as {@code convert-ids}
 * @param extras            objects the canonical schema does not have, left in place
 * @param conversions       the value-changing conversions requested (by setting), whether or not needed
 * @param versionsToApply   the versions the engine would run after adoption: those above the version its history
 *                          proves (every version when it proves none); empty when it proves the target
 * @param historyRead       whether the engine's history was read without starting it; when not (an engine without
 *                          that check), {@code versionsToApply} is every version, of which it applies those it has not recorded
 */
public record MigrationPlan(String engineId, String schema, int target, List<AdoptionStep> adoption, List<String> conflicts,
                            List<String> refusedSettings, List<String> extras, List<String> conversions, List<Integer> versionsToApply,
                            boolean historyRead) {

    public MigrationPlan {
        adoption = List.copyOf(adoption);
        conflicts = List.copyOf(conflicts);
        refusedSettings = List.copyOf(refusedSettings);
        extras = List.copyOf(extras);
        conversions = List.copyOf(conversions);
        versionsToApply = List.copyOf(versionsToApply);
    }

    /** Whether migrate would succeed (as far as the database's contents decide). */
    public boolean wouldSucceed() {
        return conflicts.isEmpty();
    }

    /** Whether migrate would change nothing at all. */
    public boolean changesNothing() {
        return adoption.isEmpty() && versionsToApply.isEmpty();
    }
}
