package org.duban.workflow;

import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.duban.shared.ConcurrentChangeException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Turns the ways two users' simultaneous changes collide (JPA's version check, the engine's revision check, a database
 * lock timeout or deadlock) into one {@link ConcurrentChangeException} with a message the loser can act on.
 * <p>
 * A service runs its change through {@link #guard}, which flushes JPA at the end: the version check then happens
 * inside the service method, where it can be translated, instead of at commit in the transaction proxy.
 */
@Component
public class ConcurrentChanges {

    /** H2 lock timeout/deadlock/concurrent update, Oracle deadlock/serialization/busy. */
    private static final Set<Integer> LOCK_ERROR_CODES = Set.of(50200, 40001, 90131, 60, 8177, 54);
    /** Serialization failure, PostgreSQL deadlock and lock-not-available. */
    private static final Set<String> LOCK_SQL_STATES = Set.of("40001", "40P01", "55P03");

    private final EntityManager em;
    private final TaskService tasks;
    private final HistoryService history;

    public ConcurrentChanges(EntityManager em, TaskService tasks, HistoryService history) {
        this.em = em;
        this.tasks = tasks;
        this.history = history;
    }

    /** Runs a change inside the caller's transaction and flushes it; a collision becomes ConcurrentChangeException. */
    public void guard(Runnable change) {
        try {
            change.run();
            em.flush();
        } catch (ConcurrentChangeException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isCollision(e)) {
                throw ConcurrentChangeException.changed(e);
            }
            throw e;
        }
    }

    /**
     * Refuses a task that another user has completed meanwhile, saying who did it and when (the engine would only
     * say it does not exist). Unknown ids pass on to the usual checks.
     */
    public void requireNotDoneMeanwhile(String taskId) {
        if (taskId == null || tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult();
        if (done != null) {
            throw ConcurrentChangeException.alreadyDone(done.getName(), done.getAssignee(),
                    done.getEndTime() == null ? null : done.getEndTime().toInstant());
        }
    }

    /** Whether the exception, or anything it wraps, is a lost race rather than a real error. */
    public static boolean isCollision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && (LOCK_ERROR_CODES.contains(sql.getErrorCode())
                    || LOCK_SQL_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
