package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start with Liquibase, as a real {@code SpringApplication} (so the environment post-processors and
 * Spring Boot's logging system run), its console output captured: chatmigrate's line, not Liquibase's.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineLogLevelsTest {

    @FreshDatabase
    private TestDatabase database;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, ChatmigrateAutoConfiguration.class})
    static class Application {
    }

    private void start(String... arguments) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties(dataSource(database)).properties("chatmigrate.engine=liquibase", "logging.config=classpath:engine-log-capture.xml");
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            assertThat(context.getBean(ChatmigrateInitializer.class).report()).isNotNull();
        }
    }

    private static List<String> linesOf(CapturedOutput output, String prefix) {
        return output.getOut().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    @DisplayName("a first start logs chatmigrate's line and no INFO line of Liquibase's")
    void engineLogsAtWarn(CapturedOutput output) {
        start();

        assertThat(linesOf(output, "INFO dev.chatmigrate.spring.ChatmigrateInitializer liquibase: schema public migrated from version 0 to"))
                .hasSize(1);
        assertThat(linesOf(output, "INFO liquibase.")).isEmpty();
    }

    @Test
    @DisplayName("with chatmigrate's logging verbose (logging.level.dev.chatmigrate=debug) Liquibase's INFO lines are shown")
    void verboseShowsTheEngine(CapturedOutput output) {
        start("--logging.level.dev.chatmigrate=debug");

        assertThat(linesOf(output, "INFO liquibase.")).isNotEmpty();
    }

    @Test
    @DisplayName("a level the application set for Liquibase's logger is kept")
    void applicationLevelWins(CapturedOutput output) {
        start("--logging.level.liquibase=info");

        assertThat(linesOf(output, "INFO liquibase.")).isNotEmpty();
    }
}
