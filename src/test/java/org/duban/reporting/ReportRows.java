package org.duban.reporting;

import org.duban.catalog.KeyTask;
import org.duban.org.Unit;

/** Test access to how CycleService builds a report row (package-private in production code). */
public final class ReportRows {

    private ReportRows() {
    }

    public static ProgressReport newReport(KeyTask task, Unit unit, ReportingCycle cycle, Unit reviewer) {
        ProgressReport report = new ProgressReport(task, unit, cycle, reviewer, cycle.getDueOn());
        report.addActualRowsFor(task.getIndicators());
        return report;
    }
}
