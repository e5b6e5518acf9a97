package dev.chatmigrate.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up report for {@link UnsupportedSpringBootException}: the versions found, then the two routes that work. */
public class UnsupportedSpringBootFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedSpringBootException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause), cause);
    }

    static String action(UnsupportedSpringBootException cause) {
        return "On Spring Boot " + cause.running() + ", replace chatmigrate-spring-boot-starter with chatmigrate-core and your engine's"
                + " adapter, and migrate the application's DataSource with the core API in a bean that the database's users depend on:"
                + " Chatmigrate.configure().engine(\"flyway\").dataSource(dataSource).load().migrate()"
                + " (integrations/spring-boot-starter/README.md, \"Spring Boot 3.5\"). Or upgrade the application to Spring Boot "
                + cause.builtWith() + ".";
    }
}
