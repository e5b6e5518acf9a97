package dev.chatmigrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link TestDatabase} field that gets a fresh database on the shared {@link TestPostgres}
 * server before each test, dropped after it — as {@code @TempDir} does for directories:
 *
 * <pre>{@code
 * @FreshDatabase
 * TestDatabase database;
 * }</pre>
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FreshDatabaseExtension.class)
public @interface FreshDatabase {
}
