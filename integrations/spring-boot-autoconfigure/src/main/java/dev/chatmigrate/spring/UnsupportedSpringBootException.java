package dev.chatmigrate.spring;

/**
 * The application runs a Spring Boot the starter does not support (3.x). {@link UnsupportedSpringBootFailureAnalyzer}
 * turns it into Spring Boot's start-up report, with the route that works on 3.x as its {@code Action:}.
 */
public final class UnsupportedSpringBootException extends IllegalStateException {

    private final String running;
    private final String builtWith;

    UnsupportedSpringBootException(String running, String springFramework, String builtWith) {
        super("chatmigrate-spring-boot-starter needs Spring Boot 4.0 or later (it is built and tested with Spring Boot " + builtWith
                + "); this application runs Spring Boot " + running + " (Spring Framework " + springFramework + ").");
        this.running = running;
        this.builtWith = builtWith;
    }

    /** The Spring Boot version found, such as {@code 3.5.16}. */
    public String running() {
        return running;
    }

    /** The Spring Boot version the starter is built with. */
    public String builtWith() {
        return builtWith;
    }
}
