package dev.chatmigrate.integration.reliability.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Formation} ({@link Formation.Timing#FAST}) for every test class of the run that registers this extension,
 * started by the first and closed when the run ends (it is kept in the root store, which closes what it holds): a
 * formation costs tens of seconds to start on a loaded machine. Classes without pg_auto_failover are skipped visibly.
 * A test that changes the formation (kills a node, changes its timing, pauses a replay) restores it before it ends.
 */
public final class SharedFormation implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedFormation.class);
    private Formation formation;

    @Override
    public void beforeAll(ExtensionContext context) {
        String unavailable = Formation.unavailableReason();
        assumeTrue(unavailable == null, unavailable);
        formation = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Formation.class, key -> {
            long started = System.nanoTime();
            Formation formation = Formation.start(Formation.Timing.FAST);
            System.out.printf("[cluster] formation of a monitor and 2 nodes started in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            return formation;
        }, Formation.class);
    }

    /** The formation, once {@link #beforeAll} ran. */
    public Formation formation() {
        return formation;
    }
}
