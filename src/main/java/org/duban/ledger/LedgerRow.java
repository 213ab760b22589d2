package org.duban.ledger;

import java.time.LocalDate;
import java.util.List;
import org.duban.org.UnitType;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;

/**
 * One ledger line: a unit's report on a task in a cycle, with the task's lead and participating units, what the unit
 * reported and the status light with its explanation. {@code narrative} and {@code problems} are filled for exports
 * only.
 */
public record LedgerRow(Long reportId, String businessKey, int taskNumber, String taskCode, String taskTitle,
        int sectionNumber, String sectionLabel, String sectionTitle, String unitCode, String unitName,
        UnitType unitType, String primaryLeadName, List<String> leadUnits, List<String> participantUnits,
        Long cycleId, String periodCode, LocalDate dueOn, ReportStatus status, Integer percentDone, int returnCount,
        EscalationLevel escalationLevel, List<IndicatorProgress> indicators, String narrative, String problems,
        StatusLight light, String groupKey) {

    /** An indicator's target and what the unit reported against it this cycle. */
    public record IndicatorProgress(int seq, String phrase, java.math.BigDecimal target, String measureUnit,
            java.math.BigDecimal actual) {
    }

    /** "23. title" as offices write it. */
    public String taskLabel() {
        return taskNumber + ". " + taskTitle;
    }
}
