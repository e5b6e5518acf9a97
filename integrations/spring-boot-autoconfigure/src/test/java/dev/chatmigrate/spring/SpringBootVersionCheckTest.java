package dev.chatmigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The refusal on Spring Boot 3.x, in a real {@code SpringApplication} whose version check is told the
 * running Spring Boot is 3.5.16 (this test runs on Spring Boot 4): the start-up report names both
 * versions and the route that works.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootVersionCheckTest {

    @SpringBootConfiguration(proxyBeanMethods = false)
    static class Application {
    }

    private static SpringApplicationBuilder application(String runningVersion) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("logging.config=classpath:engine-log-capture.xml")
                .listeners(new SpringBootVersionCheck(() -> runningVersion));
    }

    @Test
    @DisplayName("on Spring Boot 3.5 the start fails with one report naming the versions found and the core-API route")
    void refusesSpringBoot3(CapturedOutput output) {
        assertThatThrownBy(() -> application("3.5.16").run()).isInstanceOf(UnsupportedSpringBootException.class);

        String report = output.getOut();
        assertThat(report).contains("APPLICATION FAILED TO START")
                .contains("chatmigrate-spring-boot-starter needs Spring Boot 4.0 or later (it is built and tested with Spring Boot "
                        + SpringBootVersion.getVersion() + "); this application runs Spring Boot 3.5.16")
                .contains("Action:")
                .contains("replace chatmigrate-spring-boot-starter with chatmigrate-core")
                .contains("Chatmigrate.configure().engine(\"flyway\").dataSource(dataSource).load().migrate()");
    }

    @Test
    @DisplayName("on Spring Boot 4 the check lets the start go on")
    void acceptsSpringBoot4() {
        application(SpringBootVersion.getVersion()).run().close();
    }

    @Test
    @DisplayName("the recorded build version is the Spring Boot of this build")
    void builtWithIsRecorded() {
        assertThat(SpringBootVersionCheck.builtWith()).isEqualTo(SpringBootVersion.getVersion());
    }
}
