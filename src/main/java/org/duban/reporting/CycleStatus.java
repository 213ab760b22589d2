package org.duban.reporting;

/** A reporting cycle is scheduled from the plan's calendar, opened (by its timer or by hand), and closed. */
public enum CycleStatus {
    SCHEDULED, OPEN, CLOSED
}
