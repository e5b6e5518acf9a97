package dev.chatmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The command's logging: chatmigrate's own progress on standard error, other libraries' warnings
 * only, everything with {@code --verbose}. Configured in code through logback's {@link Configurator}
 * service rather than {@code logback.xml}, and laid out by {@link Line} rather than a
 * {@code PatternLayout}: parsing the XML costs a cold JVM about 300 ms, and the pattern layout's
 * converter table about 50 ms more.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Line line = new Line();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        setLevels(context, false);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Switches to {@code --verbose} levels, or back. */
    static void verbose(boolean verbose) {
        setLevels((LoggerContext) LoggerFactory.getILoggerFactory(), verbose);
    }

    private static void setLevels(LoggerContext context, boolean verbose) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        context.getLogger("dev.chatmigrate").setLevel(verbose ? Level.DEBUG : Level.INFO);
    }

    /**
     * {@code chatmigrate: message} for chatmigrate's own events, {@code flyway warn: message} (the library and
     * the level) for another library's, so that an engine's line never reads as chatmigrate's; then the stack
     * trace if the event has one.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(prefix(event)).append(event.getFormattedMessage()).append(System.lineSeparator());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
            }
            return line.toString();
        }

        private static String prefix(ILoggingEvent event) {
            String logger = event.getLoggerName();
            if (logger.startsWith("dev.chatmigrate")) {
                return "chatmigrate: ";
            }
            String library = logger.startsWith("org.flywaydb") ? "flyway"
                    : logger.startsWith("liquibase") ? "liquibase"
                    : logger.startsWith("org.apache.ibatis") ? "mybatis"
                    : logger;
            return library + " " + event.getLevel().toString().toLowerCase(Locale.ROOT) + ": ";
        }
    }
}
