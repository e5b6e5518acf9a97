package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static dev.chatmigrate.spring.SpringTestDatabase.exists;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ChatmigrateTenants} in a real Spring context: a new tenant's schema migrated at runtime on the application's pool. */
class ChatmigrateTenantsTest {

    @FreshDatabase
    private TestDatabase database;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class, ChatmigrateAutoConfiguration.class));

    @Test
    @DisplayName("a tenant created at runtime gets its schema at the latest version on the application's pool; again, nothing to apply")
    void newTenantMigratedOnTheApplicationsPool() {
        contexts.withPropertyValues(dataSource(database)).withPropertyValues("chatmigrate.engine=liquibase").run(context -> {
            assertThat(context).hasNotFailed();
            ChatmigrateTenants tenants = context.getBean(ChatmigrateTenants.class);
            DataSource pool = context.getBean(DataSource.class);

            MigrationReport created = tenants.migrate("tenant_new");
            assertThat(created.engineId()).isEqualTo("liquibase");
            assertThat(created.versionBefore()).isZero();
            assertThat(created.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(exists(database, "tenant_new.messages")).isTrue();
            assertThat(tenants.chatmigrate("tenant_new").status().upToDate()).isTrue();
            assertThat(((HikariDataSource) pool).getHikariPoolMXBean().getTotalConnections()).as("the application's pool served it").isPositive();
            assertThat(new JdbcTemplate(pool).queryForObject("select count(*) from tenant_new.conversations", Long.class)).isZero();

            MigrationReport again = tenants.migrate("tenant_new");
            assertThat(again.steps()).isEmpty();
            assertThat(again.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(exists(database, "public.messages")).as("the startup migration, untouched").isTrue();
        });
    }
}
