package org.duban.reporting;

/** A reporting cycle was opened and its reports created. */
public record CycleOpenedEvent(Long cycleId, String periodCode, int reportCount) {
}
