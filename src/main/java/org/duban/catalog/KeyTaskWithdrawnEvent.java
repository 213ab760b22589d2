package org.duban.catalog;

/**
 * A re-import withdrew a task the new version of the plan no longer lists. The task is kept (reports and processes
 * point to it) with status {@link TaskStatus#WITHDRAWN}; published inside the applying transaction.
 */
public record KeyTaskWithdrawnEvent(Long taskId, String code) {
}
