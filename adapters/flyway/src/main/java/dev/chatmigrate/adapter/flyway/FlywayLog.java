package dev.chatmigrate.adapter.flyway;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, through slf4j as Flyway would send it, less one piece of advice: when a version that runs outside a
 * transaction fails, Flyway logs "Please restore backups and roll back database and code!". chatmigrate's versions
 * are idempotent and the runner runs a version that gave up waiting for its lock again (docs/design.md, "Online
 * safety"), so that advice would send an operator to restore a backup for nothing. Flyway instantiates this class by
 * name from its {@code loggers} setting, hence public, with a public constructor.
 */
public final class FlywayLog implements LogCreator {

    /** What Flyway appends to the error of a failed non-transactional version. */
    private static final String RESTORE_BACKUPS = " Please restore backups and roll back database and code!";

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Slf4j(LoggerFactory.getLogger(clazz));
    }

    private record Slf4j(Logger logger) implements Log {

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void error(String message) {
            logger.error(withoutRestoreAdvice(message));
        }

        @Override
        public void error(String message, Exception e) {
            logger.error(withoutRestoreAdvice(message), e);
        }

        @Override
        public void notice(String message) {
            // Flyway's own slf4j log drops notices (its console's banners) too
        }

        private static String withoutRestoreAdvice(String message) {
            return message == null ? null : message.replace(RESTORE_BACKUPS, "");
        }
    }
}
