package org.duban.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests whenever a server answers at the configured address. Without one they are skipped with a
 * message saying how to run them, except under {@code CI=true}, where a missing server is a failure.
 */
public class PostgresCondition implements ExecutionCondition {

    public static final String HOST = System.getProperty("duban.test.pg.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("duban.test.pg.port", 5432);
    public static final String DATABASE = System.getProperty("duban.test.pg.database", "test");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (answers()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + HOST + ":" + PORT);
        }
        String how = "PostgreSQL does not answer at " + HOST + ":" + PORT + " (database '" + DATABASE
                + "', trust auth). Start one there, or point -Dduban.test.pg.host/-Dduban.test.pg.port at one.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires PostgreSQL: " + how);
        }
        return ConditionEvaluationResult.disabled("Skipped: " + how);
    }

    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
