package org.duban.catalog;

/** A plan's catalog was created; published inside the import's transaction. */
public record PlanImportedEvent(Long planId, String documentNumber, int year) {
}
