package org.duban.support;

import org.duban.catalog.PlanRepository;
import org.duban.reporting.CycleService;
import org.duban.reporting.CycleStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;

/** The seed plan's cycles for tests that need one open: opened once in the JVM, whichever test comes first. */
public final class SeedCycles {

    public static final String SEED_DOCUMENT = "菏政办字〔2023〕13号";

    private SeedCycles() {
    }

    /** Opens the seed plan's cycle of that period (e.g. 2023Q2) unless it is open already; returns it. */
    public static synchronized ReportingCycle open(PlanRepository plans, ReportingCycleRepository cycles,
            CycleService cycleService, String periodCode) {
        Long planId = plans.findByDocumentNumberAndYear(SEED_DOCUMENT, 2023).orElseThrow().getId();
        ReportingCycle cycle = cycles.findByPlanIdAndPeriodCode(planId, periodCode).orElseThrow();
        if (cycle.getStatus() == CycleStatus.SCHEDULED) {
            cycleService.open(cycle.getId(), null, "test");
        }
        return cycle;
    }
}
