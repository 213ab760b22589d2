package org.duban.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not be reached during a user's action. The action's transaction did not commit, so nothing of
 * it was stored and what was stored before (a saved draft) is unchanged; the screen keeps what the user entered.
 * Thrown by {@link DatabaseOutageTranslation} in place of the driver's or pool's technical exception.
 */
public class DatabaseUnavailableException extends DataAccessResourceFailureException {

    public static final String MESSAGE = "数据库暂时无法连接，本次操作未保存（已保存的草稿不受影响，页面上填写的内容仍在），请稍后重试"
            + " / The database cannot be reached right now: this action was not saved (drafts saved earlier are"
            + " kept, and what you entered is still on the page). Please try again shortly.";

    public DatabaseUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }

    /** Whether this failure, anywhere in its cause chain, is a lost or refused database connection. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException) {
                return false; // already translated further in
            }
            // only what the pool, the transaction manager or the driver report: a mail server's socket error is not it
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // a rollback or commit that failed at the JDBC level without a SQL state (HikariCP's "Connection is
            // closed" once the driver reported the connection broken): the connection is gone, and with it the
            // driver's original error, which Spring drops when the rollback fails too
            if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException sql
                    && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
                return true;
            }
            // SQL state class 08: connection exception (PostgreSQL 08001/08006, H2 08000/90067, Oracle 08003 ...)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
