package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.exists;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own HikariCP pool, as Spring Boot makes it, in front of an endpoint whose login does not name the
 * server process (Neon's direct host: its proxy hands out keys of its own). Proving that endpoint direct needs one
 * connection whose close ends its server session, which a pool would otherwise keep.
 */
class ApplicationPoolTest {

    @FreshDatabase
    private TestDatabase database;

    private ApplicationContextRunner withPool(HikariDataSource pool) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatmigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> pool);
    }

    @Test
    @DisplayName("a pool of 3 connections in front of Neon's kind of proxy migrates, and the application keeps using it")
    void poolInFrontOfAProxyWithItsOwnKeys() {
        try (HikariDataSource pool = pool(3)) {
            withPool(pool).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ChatmigrateInitializer.class).report().versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                assertThat(exists(database, "public.messages")).isTrue();
                assertThat(new JdbcTemplate(pool).queryForObject("select count(*) from messages", Long.class)).isZero();
            });
        }
    }

    @Test
    @DisplayName("a pool of 2 connections is refused at once: the lock, the work and the probe need 3")
    void poolTooSmallIsRefused() {
        try (HikariDataSource pool = pool(2)) {
            withPool(pool).run(context -> {
                assertThat(context).hasFailed();
                Throwable cause = context.getStartupFailure();
                while (cause != null && !(cause instanceof MigrationException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("holds at most 2 connections")
                        .hasMessageContaining("needs 3");
            });
        }
    }

    /** A HikariCP pool of {@code size} whose connections' login keys prove nothing, waiting at most 2 s for a free one. */
    private HikariDataSource pool(int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(withoutLoginKeys(database.settings("flyway").dataSource()));
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(2_000);
        return pool;
    }

    /** {@code direct}'s connections as Neon's proxy shows them to pgJDBC: no login key naming the server process. */
    private static DataSource withoutLoginKeys(DataSource direct) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, called, arguments) -> {
                    Object result = invoke(called, direct, arguments);
                    return result instanceof Connection connection ? keyless(connection) : result;
                });
    }

    private static Connection keyless(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, called, arguments) -> called.getName().equals("isWrapperFor") ? Boolean.FALSE : invoke(called, connection, arguments));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
