package dev.chatmigrate.spi;

import java.util.List;

/**
 * The migration is complete on the primary, but a streaming standby had not replayed it within the replica wait;
 * the message names each such standby with its lag. Running again changes nothing and waits again.
 */
public class StandbysBehindException extends MigrationException {

    private final transient List<StandbyReplay> standbys;

    public StandbysBehindException(String message, List<StandbyReplay> standbys) {
        super(Kind.STANDBYS_BEHIND, message, null, "replica-wait", "a wait long enough for the standbys to replay the migration", null);
        this.standbys = List.copyOf(standbys);
    }

    /** Every standby as it stood when the wait ended, those that had replayed included. */
    public List<StandbyReplay> standbys() {
        return standbys;
    }
}
