package dev.chatmigrate.adapter.liquibase;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Sends Liquibase's log to slf4j under Liquibase's own class names (logger {@code liquibase...}),
 * instead of java.util.logging and the console. Installed only in the scope of this adapter's calls.
 */
final class Slf4jLogService extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new Slf4jLogger(LoggerFactory.getLogger(liquibaseClass(clazz)));
    }

    /**
     * Liquibase names a logger after the class of the object logging; for this adapter's extensions of
     * Liquibase classes ({@link AdvisoryLockedLockService}) that is the Liquibase class they extend, so that
     * their messages stay Liquibase's and not chatmigrate's own progress.
     */
    private static Class<?> liquibaseClass(Class<?> clazz) {
        Class<?> named = clazz;
        while (named.getSuperclass() != null && named.getPackageName().equals(Slf4jLogService.class.getPackageName())) {
            named = named.getSuperclass();
        }
        return named;
    }

    /** One Liquibase logger: SEVERE is error, WARNING warn, INFO info, CONFIG and FINE debug, finer trace. */
    private static final class Slf4jLogger extends AbstractLogger {

        private final org.slf4j.Logger target;

        Slf4jLogger(org.slf4j.Logger target) {
            this.target = target;
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            if (level == Level.OFF) {
                return;
            }
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                target.error(message, e);
            } else if (value >= Level.WARNING.intValue()) {
                target.warn(message, e);
            } else if (value >= Level.INFO.intValue()) {
                target.info(message, e);
            } else if (value >= Level.FINE.intValue()) {
                target.debug(message, e);
            } else {
                target.trace(message, e);
            }
        }
    }
}
