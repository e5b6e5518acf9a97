package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.OutsideTransaction;
import dev.chatmigrate.spi.ScriptPlaceholders;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.StepFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Emulated downgrade for Flyway CE: runs this adapter's undo scripts ({@code db/flyway/undo/U<version>__<slug>.sql},
 * named like the migration they undo, as Flyway Teams names them) newest
 * first, with the placeholders Flyway gets ({@link ScriptPlaceholders}), and removes each version's history row in the
 * same transaction. The concurrent index drop (on a plain {@code messages}) cannot run in a transaction, so its row
 * goes first: a crash between the two leaves version 3 recorded with the index still there, which the next migrate's
 * {@code IF NOT EXISTS} accepts.
 */
final class FlywayUndo {

    private final MigrationSettings settings;
    private final DataSource dataSource;

    FlywayUndo(MigrationSettings settings, DataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
    }

    List<AppliedStep> undo(int from, int to) {
        List<AppliedStep> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Sql.useSchema(connection, settings.schema());
            for (int version = from; version > to; version--) {
                long started = System.nanoTime();
                String script = ScriptPlaceholders.replaceIn(script(version), ScriptPlaceholders.values(settings));
                if (OutsideTransaction.requiredBy(script)) {
                    forget(connection, version);
                    execute(connection, script);
                } else {
                    connection.setAutoCommit(false);
                    execute(connection, script);
                    forget(connection, version);
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                steps.add(new AppliedStep(version, "undo " + ChatbotSchema.describe(version), Duration.ofNanos(System.nanoTime() - started)));
            }
        } catch (SQLException e) {
            throw new StepFailedException("Flyway downgrade (emulated) failed on schema " + settings.schema() + " after undoing "
                    + steps.size() + " versions: " + e.getMessage() + ". The failed version was rolled back; run downgrade again.", e);
        }
        return steps;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void forget(Connection connection, int version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + FlywayEngine.HISTORY_TABLE + " where version = ?")) {
            delete.setString(1, Integer.toString(version));
            delete.executeUpdate();
        }
    }

    private static String script(int version) {
        String name = "db/flyway/undo/U" + version + "__" + ChatbotSchema.version(version).slug() + ".sql";
        try (InputStream in = FlywayUndo.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing undo script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
