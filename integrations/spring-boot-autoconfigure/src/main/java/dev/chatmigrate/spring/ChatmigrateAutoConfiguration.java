package dev.chatmigrate.spring;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.spring.bootflyway.ApplicationFlywayBaseline;
import dev.chatmigrate.spring.bootflyway.BootFlywayConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Migrates the chatbot schema at startup, before anything uses the database: a {@link Chatmigrate}
 * built from the {@code chatmigrate.*} properties and the application's {@link DataSource} (or
 * {@code chatmigrate.url}), and a {@link ChatmigrateInitializer} that
 * {@link ChatmigrateDatabaseInitializerDetector} makes every database user wait for. Ordered before
 * Spring Boot's own Flyway and Liquibase, which the application may use beside it for tables of its own: chatmigrate's
 * histories have names of their own, and {@link ApplicationFlywayBaseline} lets Spring Boot's Flyway start on a schema
 * that holds only chatmigrate's tables (docs/design.md, "Shared databases").
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = {"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass(Chatmigrate.class)
@Conditional(ChatmigrateAutoConfiguration.DatabaseCondition.class)
@EnableConfigurationProperties(ChatmigrateProperties.class)
@Import({DatabaseInitializationDependencyConfigurer.class, BootFlywayConfiguration.class})
public class ChatmigrateAutoConfiguration {

    /**
     * The configured chatmigrate, built through the one {@link ChatmigrateConfiguration} from every {@code chatmigrate.*}
     * property (Spring's environment is their source): {@code chatmigrate.url} when set, else the application's data source.
     */
    @Bean
    @ConditionalOnMissingBean
    public Chatmigrate chatmigrate(ChatmigrateProperties properties, ObjectProvider<DataSource> dataSource) {
        return configuration(properties, dataSource).load();
    }

    /** Migrates a tenant's schema at runtime with the same settings and database ({@link ChatmigrateTenants}). */
    @Bean
    @ConditionalOnMissingBean
    public ChatmigrateTenants chatmigrateTenants(ChatmigrateProperties properties, ObjectProvider<DataSource> dataSource) {
        return new ChatmigrateTenants(() -> configuration(properties, dataSource));
    }

    private static ChatmigrateConfiguration configuration(ChatmigrateProperties properties, ObjectProvider<DataSource> dataSource) {
        ChatmigrateConfiguration configuration = Chatmigrate.configure().configuration(properties.settings());
        if (!configuration.hasDatabase()) {
            configuration.dataSource(dataSource.getIfUnique(() -> null));
        }
        return configuration;
    }

    @Bean
    @ConditionalOnMissingBean
    public ChatmigrateInitializer chatmigrateInitializer(Chatmigrate chatmigrate, ChatmigrateProperties properties, ApplicationContext context) {
        return new ChatmigrateInitializer(chatmigrate, new EngineLibraryCheck(context.getClassLoader(), properties.getEngineLibraryCheck()));
    }

    /** A database to migrate: a single {@link DataSource} bean, or {@code chatmigrate.url}. */
    static final class DatabaseCondition extends AnyNestedCondition {

        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "chatmigrate", name = "url")
        private static final class MigrationUrl {
        }
    }
}
