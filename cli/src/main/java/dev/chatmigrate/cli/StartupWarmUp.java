package dev.chatmigrate.cli;

import org.slf4j.LoggerFactory;

/**
 * What every command needs before it reaches the database, done on a daemon thread while picocli
 * reads the command line: logging is configured and pgJDBC's driver registered. On two cores this
 * takes about 100 ms off a command; anything that fails here fails again, and is reported, where the
 * command itself needs it.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(StartupWarmUp::run, "chatmigrate-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            LoggerFactory.getILoggerFactory();
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
            // the command meets it again when it connects
        }
    }
}
