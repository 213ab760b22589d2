package org.duban.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duban.support.PostgresCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RestartAfterKillContract} on PostgreSQL, in a schema of its own. */
@ExtendWith(PostgresCondition.class)
class RestartAfterKillPostgresTest extends RestartAfterKillContract {

    private static final String SCHEMA = "duban_restart_" + ProcessHandle.current().pid();
    private static final String BASE = "jdbc:postgresql://" + PostgresCondition.HOST + ":" + PostgresCondition.PORT
            + "/" + PostgresCondition.DATABASE;
    private static final String USER = System.getProperty("duban.test.pg.user", "postgres");

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + BASE + "?currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + USER,
                "--camunda.bpm.database.schema-name=" + SCHEMA,
                "--camunda.bpm.database.table-prefix=" + SCHEMA + ".");
    }

    @Override
    protected void createDatabase() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
    }

    @Override
    protected void dropDatabase() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(BASE + "?currentSchema=" + SCHEMA, USER, "");
    }

    @Override
    protected String label() {
        return "pg";
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE, USER, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
