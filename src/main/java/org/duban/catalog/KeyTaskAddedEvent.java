package org.duban.catalog;

/** A re-import added a task to a plan already at work; published inside the applying transaction. */
public record KeyTaskAddedEvent(Long taskId, String code) {
}
