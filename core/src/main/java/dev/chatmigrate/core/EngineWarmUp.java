package dev.chatmigrate.core;

import dev.chatmigrate.spi.MigrationEngineProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link MigrationEngineProvider#warmUp()} on a daemon thread, so that an engine loads its classes
 * and reads its scripts on a second core while the runner's own thread connects, locks and adopts. A
 * warm-up that fails is logged at debug level and otherwise ignored; one that is still running when the
 * engine opens only makes the engine wait for the classes it shares with it, as class loading does.
 */
final class EngineWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWarmUp.class);

    private EngineWarmUp() {
    }

    /** Starts warming up {@code provider}'s engine and returns at once. */
    static void start(MigrationEngineProvider provider) {
        Thread thread = new Thread(() -> warmUp(provider), "chatmigrate-warm-up-" + provider.id());
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(MigrationEngineProvider provider) {
        try {
            provider.warmUp();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Warming up {} failed; it starts when it opens instead", provider.id(), e);
        }
    }
}
