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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        Line.verbose = verbose;
        setLevels((LoggerContext) LoggerFactory.getILoggerFactory(), verbose);
    }

    private static void setLevels(LoggerContext context, boolean verbose) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        context.getLogger("dev.chatmigrate").setLevel(verbose ? Level.DEBUG : Level.INFO);
    }

    /**
     * {@code chatmigrate: message} for chatmigrate's own events, {@code flyway warn: message} (the library and
     * the level) for another library's, so that an engine's line never reads as chatmigrate's. One line, whoever
     * logs: a multi-line message is joined, an exception shown as its innermost cause's first line, and another
     * library's line that was already printed (an engine repeats it on every retry of a step) not again. With
     * {@code --verbose}, the message as logged and the whole stack trace.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {

        private static volatile boolean verbose;
        /** Other libraries' lines already printed: an engine repeats the same line on every retry of a step. */
        private final Set<String> printed = ConcurrentHashMap.newKeySet();

        @Override
        public String doLayout(ILoggingEvent event) {
            IThrowableProxy thrown = event.getThrowableProxy();
            if (verbose) {
                String trace = thrown == null ? "" : ThrowableProxyUtil.asString(thrown) + System.lineSeparator();
                return prefix(event) + event.getFormattedMessage() + System.lineSeparator() + trace;
            }
            StringBuilder line = new StringBuilder(prefix(event)).append(oneLine(event.getFormattedMessage()));
            if (thrown != null) {
                IThrowableProxy root = thrown;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                String cause = oneLine(root.getMessage() == null ? root.getClassName() : root.getMessage());
                if (!line.toString().contains(cause)) {
                    line.append(" (").append(cause).append(')');
                }
            }
            if (!event.getLoggerName().startsWith("dev.chatmigrate") && !printed.add(line.toString())) {
                return "";
            }
            return line.append(System.lineSeparator()).toString();
        }

        /** The lines of {@code text} joined by spaces, without the rules ({@code ----}) some engines print between them. */
        static String oneLine(String text) {
            if (text == null) {
                return "";
            }
            return String.join(" ", text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("-+")).toList());
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
