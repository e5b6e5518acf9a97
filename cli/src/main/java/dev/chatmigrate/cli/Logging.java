package dev.chatmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Quiet by default (chatmigrate's own progress only, on standard error); everything with {@code --verbose}. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
        ((Logger) LoggerFactory.getLogger("dev.chatmigrate")).setLevel(verbose ? Level.DEBUG : Level.INFO);
    }
}
