package org.duban.catalog;

/** A plan at a glance. */
public record PlanSummary(Long id, String documentNumber, int year, String title, long sections, long tasks) {
}
