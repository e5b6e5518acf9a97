package dev.chatmigrate.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.spring.UnsupportedSpringBootException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A Spring Boot 3.5 application that adds chatmigrate-spring-boot-starter, as its README shows for Spring Boot 4. */
@ExtendWith(OutputCaptureExtension.class)
class StarterOnSpringBoot3Test {

    @FreshDatabase
    TestDatabase database;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    @Test
    @DisplayName("the start fails with one report naming Spring Boot 3.5 and the core-API route, before the database is touched")
    void startIsRefused(CapturedOutput output) throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + database.database().jdbcUrl(), "spring.datasource.username=" + database.database().user(),
                        "spring.datasource.password=" + database.database().password(), "chatmigrate.engine=flyway");

        assertThatThrownBy(application::run).isInstanceOf(UnsupportedSpringBootException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("chatmigrate-spring-boot-starter needs Spring Boot 4.0 or later")
                .contains("this application runs Spring Boot " + SpringBootVersion.getVersion())
                .contains("replace chatmigrate-spring-boot-starter with chatmigrate-core")
                .doesNotContain("BeanDefinitionOverrideException");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }
}
