package org.duban.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Duban's queries need on the engine's own tables, created once the engine has created or checked its schema
 * (Flyway runs before the engine, so its migrations cannot reach the ACT_ tables). The inbox sorts a user's open tasks
 * by due date, newest first within a day (InboxTaskSql); without this index the database sorts every open task for
 * each page (docs/benchmarks.md). Where the application may not create indexes (a DBA-managed Oracle schema), the
 * same DDL is in deployment/oracle/engine-indexes.sql and startup only logs a warning.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    public static final String TASK_DUE = "DUBAN_IDX_TASK_DUE";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            if (exists(connection, prefix, "ACT_RU_TASK", TASK_DUE)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index " + TASK_DUE + " on " + prefix
                        + "ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ desc, ID_)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("Created index {} on {}ACT_RU_TASK for the inbox", TASK_DUE, prefix);
        } catch (SQLException e) {
            log.warn("Could not create index {} on {}ACT_RU_TASK ({}); the inbox works but sorts every open task per"
                    + " page: create it with deployment/oracle/engine-indexes.sql", TASK_DUE, prefix, e.getMessage());
        }
    }

    /** Whether the table (in the prefix's schema, or the connection's) has an index of that name. */
    public static boolean exists(Connection connection, String prefix, String table, String index)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : connection.getSchema();
        try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), stored(meta, schema), stored(meta, table),
                false, true)) {
            while (indexes.next()) {
                if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Unquoted names as the database stores them: lower case on PostgreSQL, upper case on H2 and Oracle. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        if (meta.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
