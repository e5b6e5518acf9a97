package dev.chatmigrate.core.session;

import dev.chatmigrate.spi.CannotConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way chatmigrate waits between tries (connecting, polling the advisory lock, retrying a DDL statement):
 * exponential backoff with jitter. Each pause is drawn from the upper half of the current delay, so that replicas
 * started together spread out, and the delay doubles up to a longest one. A pause never runs past a deadline: the
 * last try is made at it, not a whole delay before it.
 */
public final class Backoff {

    private final long longestMillis;
    private long delayMillis;

    /** Delays from {@code first}, doubling up to {@code longest}. */
    public Backoff(Duration first, Duration longest) {
        this.delayMillis = first.toMillis();
        this.longestMillis = longest.toMillis();
    }

    /** Sleeps for the next jittered delay, at most {@code leftMillis}, then doubles the delay. */
    public void pause(long leftMillis) {
        long jittered = delayMillis / 2 + ThreadLocalRandom.current().nextLong(delayMillis / 2 + 1);
        sleep(Math.max(0, Math.min(jittered, leftMillis)));
        delayMillis = Math.min(delayMillis * 2, longestMillis);
    }

    /** Sleeps {@code millis}; an interrupt ends the wait as a failure to reach the database, the thread still interrupted. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotConnectException("Interrupted while waiting for the database", e);
        }
    }
}
