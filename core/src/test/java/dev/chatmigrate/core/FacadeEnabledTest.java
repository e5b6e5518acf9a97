package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code enabled=false} in the API, as in the command and the starter (docs/design.md, "Configuration"): migrate changes
 * nothing and checks the version; downgrade is refused; status works.
 */
class FacadeEnabledTest {

    @FreshDatabase
    private TestDatabase database;

    private ChatmigrateConfiguration configuration(String... environment) {
        Map<String, String> variables = new java.util.HashMap<>(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "15s"));
        for (int i = 0; i < environment.length; i += 2) {
            variables.put(environment[i], environment[i + 1]);
        }
        return Chatmigrate.configure().environment(variables).engine(new JdbcBaselineProvider())
                .dataSource(database.database().dataSource("chatmigrate-test", Duration.ofSeconds(15)));
    }

    @Test
    @DisplayName("disabled, migrate refuses a schema older than the target with a kind of its own and changes nothing")
    void disabledMigrateRefusesAnOlderSchema() {
        Chatmigrate disabled = configuration("CHATMIGRATE_ENABLED", "false").load();

        assertThatThrownBy(disabled::migrate).isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(MigrationException.Kind.DISABLED_BEHIND))
                .hasMessageContaining("Migrations are disabled (enabled=false)").hasMessageContaining("nothing was changed");
        assertThat(disabled.status().currentVersion()).isZero();
    }

    @Test
    @DisplayName("disabled, migrate on a schema at the target returns a report without steps; downgrade is refused; status works")
    void disabledMigrateAcceptsASchemaAtTheTarget() {
        configuration("CHATMIGRATE_TARGET", "3").load().migrate();
        Chatmigrate disabled = configuration("CHATMIGRATE_ENABLED", "false", "CHATMIGRATE_TARGET", "3").load();

        MigrationReport report = disabled.migrate();

        assertThat(report.steps()).isEmpty();
        assertThat(report.versionAfter()).isEqualTo(3);
        assertThatThrownBy(() -> disabled.downgrade(1, true)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("enabled=false");
        assertThat(disabled.status().currentVersion()).as("the refused downgrade changed nothing").isEqualTo(3);
    }
}
