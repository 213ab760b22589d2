package org.duban.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The datasource of {@link PostgresTest}s: one fresh schema per JVM ({@code duban_it_<pid>}), with Flyway, Hibernate
 * and Camunda all pointed at it. Camunda is told the schema name, or it would find another schema's ACT_ tables and
 * skip creating its own. Use it from a {@code @DynamicPropertySource} method: {@code PostgresSchema.register(r)}.
 */
public final class PostgresSchema {

    public static final String SCHEMA = "duban_it_" + ProcessHandle.current().pid();
    private static boolean created;

    private PostgresSchema() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String base = "jdbc:postgresql://" + PostgresCondition.HOST + ":" + PostgresCondition.PORT + "/"
                + PostgresCondition.DATABASE;
        createSchemaOnce(base);
        registry.add("spring.datasource.url", () -> base + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getProperty("duban.test.pg.user", "postgres"));
        registry.add("camunda.bpm.database.schema-name", () -> SCHEMA);
        registry.add("camunda.bpm.database.table-prefix", () -> SCHEMA + ".");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("logging.level.root", () -> "WARN");
        registry.add("logging.level.org.duban", () -> "INFO");
        // the tests want the same seed plan and demo users the embedded profile has
        registry.add("duban.demo.enabled", () -> "true");
        registry.add("duban.seed.enabled", () -> "true");
        // tests open the cycles they need; a background opener would write into other tests' output
        registry.add("duban.seed.open-first-cycle-due-in-working-days", () -> "0");
    }

    private static synchronized void createSchemaOnce(String url) {
        if (created) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url,
                System.getProperty("duban.test.pg.user", "postgres"), "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            created = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL schema " + SCHEMA + " at " + url, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(url)));
    }

    private static void dropSchema(String url) {
        try (Connection connection = DriverManager.getConnection(url,
                System.getProperty("duban.test.pg.user", "postgres"), "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException ignored) {
            // best effort; a leftover schema is harmless and dropped by name on the next run of this pid
        }
    }
}
