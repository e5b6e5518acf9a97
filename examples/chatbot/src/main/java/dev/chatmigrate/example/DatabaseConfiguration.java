package dev.chatmigrate.example;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's pool from {@code DATABASE_URL} as Neon gives it ({@code postgresql://user:password@host/db})
 * or a JDBC URL, with {@code DATABASE_USER}/{@code DATABASE_PASSWORD} overriding its credentials. Small,
 * and quick to give up on a database that is away, so requests get a 503 within two seconds.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    HikariDataSource dataSource(@Value("${DATABASE_URL:}") String url, @Value("${DATABASE_USER:#{null}}") String user,
            @Value("${DATABASE_PASSWORD:#{null}}") String password, @Value("${chatmigrate.schema:public}") String schema) {
        if (url.isBlank()) {
            throw new InvalidConfigurationException("No database is configured: the chatbot example needs DATABASE_URL, such as"
                    + " postgresql://user:password@host/db?sslmode=require.", "url", "a database URL", "none");
        }
        Database database = DatabaseUrl.parse(url).database().withCredentials(user, password);
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("chatbot");
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setSchema(schema);
        pool.setMaximumPoolSize(5);
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(Duration.ofMinutes(1).toMillis());
        pool.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
