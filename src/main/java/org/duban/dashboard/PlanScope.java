package org.duban.dashboard;

import java.time.LocalDate;
import java.util.List;

/** A plan and its opened reporting cycles (oldest first): what the dashboard and assessment screens choose from. */
public record PlanScope(Long planId, String documentNumber, int year, String title, List<Cycle> cycles) {

    public record Cycle(Long cycleId, String periodCode, LocalDate periodStart, LocalDate dueOn) {
    }

    public String label() {
        return year + " " + documentNumber;
    }
}
