package com.onboarding.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * With ONBOARDING_TEST_DB=postgres the suite runs against the real PostgreSQL server: this creates a fresh
 * database for the test JVM and drops it when the JVM ends, so no run depends on another's state.
 * The server is ONBOARDING_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres, user postgres).
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER_URL = env("ONBOARDING_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("ONBOARDING_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("ONBOARDING_TEST_PG_PASSWORD", "");

    private static String databaseName;
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    public static boolean enabled() {
        return "postgres".equalsIgnoreCase(System.getenv("ONBOARDING_TEST_DB"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!enabled()) {
            return;
        }
        CONTEXTS.add(context);
        String name = database();
        String url = SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD)));
    }

    private static synchronized String database() {
        if (databaseName == null) {
            String name = "onboarding_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Close the contexts first (waits for Spring's own shutdown hook), so that no pool is still
                // talking to the database when it goes.
                CONTEXTS.forEach(ConfigurableApplicationContext::close);
                execute("drop database if exists " + name + " with (force)");
            }));
            databaseName = name;
        }
        return databaseName;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
