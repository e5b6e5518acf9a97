package dev.chatmigrate.spring.bootflyway;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Lets the application's own Flyway (Spring Boot's) start on a schema that holds nothing but chatmigrate's objects, as
 * it would on an empty one. Flyway refuses a non-empty schema without its history ("Found non-empty schema(s) ... but
 * no schema history table"); after chatmigrate built the chatbot tables there (it runs first, before Spring Boot's
 * Flyway), that would stop every new application using both. When Flyway's history table does not exist yet and every
 * table, view and sequence of its schema is chatmigrate's (the chatbot tables, every engine's chatmigrate history, its
 * retired histories, {@code chatmigrate_id_map}), Flyway baselines at version 0 and then applies the application's
 * scripts from version 1. Anything else in the schema, or the application's own {@code baseline-on-migrate}, leaves
 * Flyway as it is. See docs/design.md, "Shared databases".
 */
public class ApplicationFlywayBaseline implements FlywayConfigurationCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationFlywayBaseline.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        if (dataSource == null || configuration.isBaselineOnMigrate()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            String schema = configuration.getSchemas().length > 0 ? configuration.getSchemas()[0]
                    : configuration.getDefaultSchema() != null ? configuration.getDefaultSchema() : connection.getSchema();
            if (schema != null && holdsOnlyChatmigrates(connection, schema, configuration.getTable())) {
                LOG.info("Schema {} holds only chatmigrate's tables and no {} yet: the application's Flyway starts there with a baseline"
                        + " at version 0, then applies its own scripts", schema, configuration.getTable());
                configuration.baselineOnMigrate(true).baselineVersion("0").baselineDescription("schema with chatmigrate tables only");
            }
        } catch (SQLException e) {
            LOG.debug("Cannot tell whether the application's Flyway schema holds only chatmigrate's tables: {}", e.getMessage());
        }
    }

    /** Whether {@code schema} has no {@code flywayTable}, some relation, and only chatmigrate's. */
    static boolean holdsOnlyChatmigrates(Connection connection, String schema, String flywayTable) throws SQLException {
        List<String> own = new ArrayList<>(List.of(ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES, "chatmigrate_id_map"));
        MigrationEngines.all().forEach(provider -> own.addAll(provider.historyTables()));
        try (PreparedStatement query = connection.prepareStatement("select count(*) filter (where c.relname = ?),"
                + " count(*) filter (where not (c.relname = any (?) or c.relname like any (?))), count(*)"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_depend d on d.objid = c.oid and d.deptype = 'e'"
                + " where n.nspname = ? and d.objid is null and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not c.relispartition")) {
            query.setString(1, flywayTable);
            query.setArray(2, connection.createArrayOf("text", own.toArray()));
            query.setArray(3, connection.createArrayOf("text", own.stream().map(table -> table.replace("_", "\\_") + "\\_retired\\_%").toArray()));
            query.setString(4, schema);
            try (ResultSet counts = query.executeQuery()) {
                counts.next();
                return counts.getLong(1) == 0 && counts.getLong(2) == 0 && counts.getLong(3) > 0;
            }
        }
    }
}
