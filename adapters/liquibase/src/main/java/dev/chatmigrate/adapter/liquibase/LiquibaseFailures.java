package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.StepFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.exception.LockException;
import liquibase.exception.MigrationFailedException;
import liquibase.exception.ValidationFailedException;

/**
 * Turns Liquibase failures into chatmigrate's: a {@link StepFailedException} that says what failed and
 * what to do (Liquibase's exception is only its cause), or validation problems of one sentence each.
 * Messages go through {@link Secrets#redact(String)}.
 */
final class LiquibaseFailures {

    /** How Liquibase describes a changed checksum: {@code path::id::author was: 9:... but is now: 9:...}. */
    private static final Pattern CHANGED_CHECKSUM = Pattern.compile("(.+?)::(.+?)::(.+?) was: (\\S+) but is now: (\\S+)");
    private static final Pattern VERSION_PREFIX = Pattern.compile("(v\\d+)-.*");

    private final String schema;

    LiquibaseFailures(String schema) {
        this.schema = schema;
    }

    /** The failure of {@code operation} (such as "migrate to version 4") caused by {@code failure}. */
    StepFailedException translate(String operation, Exception failure) {
        return new StepFailedException("Liquibase could not " + operation + " on schema " + schema + ": "
                + Secrets.redact(message(failure)) + ". " + advice(failure), failure);
    }

    /** One sentence per problem Liquibase's validation found; any other failure is thrown as a {@link StepFailedException}. */
    List<String> validationProblems(Exception failure) {
        ValidationFailedException validation = find(failure, ValidationFailedException.class);
        if (validation == null) {
            throw translate("validate", failure);
        }
        List<String> problems = new ArrayList<>();
        for (String changed : validation.getInvalidMD5Sums()) {
            problems.add(describeChangedChecksum(changed));
        }
        if (problems.isEmpty()) {
            problems.add(oneLine(validation.getMessage()));
        }
        return problems;
    }

    private static String describeChangedChecksum(String changed) {
        Matcher matcher = CHANGED_CHECKSUM.matcher(changed.strip());
        if (!matcher.matches()) {
            return "a changeset changed after it ran: " + oneLine(changed);
        }
        String id = matcher.group(2);
        Matcher version = VERSION_PREFIX.matcher(id);
        return (version.matches() ? "version " + version.group(1).substring(1) + ": " : "") + "changeset " + id + " in " + matcher.group(1)
                + " changed after it ran (recorded checksum " + matcher.group(4) + ", now " + matcher.group(5)
                + "); restore it as released, since Liquibase will not run it again";
    }

    private static String advice(Exception failure) {
        ValidationFailedException validation = find(failure, ValidationFailedException.class);
        if (validation != null && !validation.getInvalidMD5Sums().isEmpty()) {
            return "A changeset of " + LiquibaseSession.CHANGELOG + " changed after it ran; restore it as released"
                    + " (chatmigrate validate names it), then run again.";
        }
        if (find(failure, MigrationFailedException.class) != null) {
            return "The failed changeset was rolled back and is not recorded (an interrupted concurrent index build leaves"
                    + " an INVALID index, which the next migrate rebuilds); fix the cause above and run again.";
        }
        if (find(failure, LockException.class) != null) {
            return "Liquibase could not take or release its lock row in " + StaleLock.TABLE + "; run again"
                    + " (a row left by a dead process is released at the start of every run).";
        }
        java.sql.SQLException sql = find(failure, java.sql.SQLException.class);
        if (sql != null && "42501".equals(sql.getSQLState())) {
            return "The role lacks a privilege: grant it as the message names, or run as the tables' owner (docs/troubleshooting.md,"
                    + " Least-privilege roles); running again as the same role cannot help.";
        }
        return "Fix the cause above and run again; --verbose shows Liquibase's details.";
    }

    /** The most telling message in the chain: wrappers that only repeat their cause are skipped. */
    private static String message(Throwable failure) {
        Throwable telling = failure;
        while (telling.getCause() != null && (telling.getMessage() == null
                || telling.getMessage().equals(telling.getCause().toString()) || telling.getMessage().equals(telling.getCause().getMessage()))) {
            telling = telling.getCause();
        }
        // the statement Liquibase appends ([Failed SQL: ...]) is for --verbose, where the exception is printed whole
        return oneLine(telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage()).replaceFirst("\\s*\\[Failed SQL:.*$", "");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
