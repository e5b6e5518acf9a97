package dev.chatmigrate.adapter.flyway;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's notices out of Flyway's warnings. Flyway logs every warning a statement leaves at WARN
 * unless its SQL state is {@code 00000}, so the idempotent steps' harmless notices ("relation ... already
 * exists, skipping", state {@code 42P07}) read as warnings when Flyway adopts existing tables. The statements
 * Flyway opens through {@link #wrap(DataSource)} hand it only real warnings; the notices are logged at INFO
 * under Flyway's statement executor's logger, which is where Flyway itself logs a {@code 00000} notice.
 *
 * <p>A notice is what PostgreSQL sent below severity {@code WARNING}. When the server names severities in
 * another language, a notice is told by its SQL state instead: class {@code 00} or the states of
 * "already exists, skipping"; anything else stays a warning, for Flyway to log as such.
 */
final class FlywayNotices {

    static final Logger LOG = LoggerFactory.getLogger("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor");

    /** The severities below {@code WARNING}, as an English-speaking server names them. */
    private static final Set<String> NOTICE_SEVERITIES = Set.of("NOTICE", "INFO", "LOG", "DEBUG");

    /** The states of the "already exists, skipping" notices of {@code if not exists}, told apart when the severity is localized. */
    private static final Set<String> SKIPPING_STATES = Set.of("42P06", "42P07", "42701", "42710");

    private FlywayNotices() {
    }

    /** {@code dataSource}, whose statements' {@link Statement#getWarnings()} leave notices out. */
    static DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    private static <T> T proxy(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(FlywayNotices.class.getClassLoader(), new Class<?>[] {type}, new Forwarding(target)));
    }

    /** Forwards every call; wraps connections and statements, and filters what {@code getWarnings()} returns. */
    private record Forwarding(Object target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
                return proxy(statementType(method.getReturnType()), statement);
            }
            if (result instanceof SQLWarning warnings && method.getName().equals("getWarnings")) {
                return withoutNotices(warnings);
            }
            if (result == target) {
                return proxy;
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        private static <T extends Statement> Class<T> statementType(Class<?> declared) {
            return (Class<T>) declared;
        }
    }

    /** The chain of {@code warnings} without its notices, each logged at INFO; {@code null} when only notices remain. */
    static SQLWarning withoutNotices(SQLWarning warnings) {
        SQLWarning first = null;
        SQLWarning last = null;
        for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
            if (isNotice(warning)) {
                LOG.info("DB: {} (SQL State: {})", warning.getMessage(), warning.getSQLState());
                continue;
            }
            SQLWarning copy = new SQLWarning(warning.getMessage(), warning.getSQLState(), warning.getErrorCode(), warning);
            if (first == null) {
                first = copy;
            } else {
                last.setNextWarning(copy);
            }
            last = copy;
        }
        return first;
    }

    private static boolean isNotice(SQLWarning warning) {
        String severity = severity(warning);
        if (severity != null && NOTICE_SEVERITIES.contains(severity)) {
            return true;
        }
        if ("WARNING".equals(severity)) {
            return false;
        }
        String state = warning.getSQLState();
        return state != null && (state.startsWith("00") || SKIPPING_STATES.contains(state));
    }

    /** The severity PostgreSQL sent, read from pgJDBC's warning without depending on it; null when unknown. */
    private static String severity(SQLWarning warning) {
        try {
            Object message = warning.getClass().getMethod("getServerErrorMessage").invoke(warning);
            return message == null ? null : (String) message.getClass().getMethod("getSeverity").invoke(message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
