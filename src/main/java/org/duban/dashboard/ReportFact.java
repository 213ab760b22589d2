package org.duban.dashboard;

import java.time.LocalDate;
import org.duban.org.UnitType;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;

/**
 * One progress report reduced to what the dashboards and the unit assessment count. Every count is judged the same
 * way as the bulletin (通报): a report is <em>due</em> once its due date has passed or it was submitted, <em>on
 * time</em> when its first submission was on or before the due date, <em>late</em> when due and not on time.
 *
 * @param firstSubmittedOn day of the first submission, null if never submitted
 * @param primaryLeadCode the task's primary lead unit (null for tasks without one)
 */
public record ReportFact(Long reportId, Long taskId, int taskNumber, Long sectionId, int sectionNumber,
        String sectionLabel, String sectionTitle, Long unitId, String unitCode, String unitName, UnitType unitType,
        int unitSortOrder, String primaryLeadCode, String primaryLeadName, Integer primaryLeadSortOrder, Long cycleId,
        String periodCode, LocalDate periodStart, LocalDate dueOn, ReportStatus status, int returnCount,
        EscalationLevel escalationLevel, LocalDate firstSubmittedOn) {

    public boolean submitted() {
        return firstSubmittedOn != null;
    }

    public boolean isDue(LocalDate today) {
        return submitted() || today.isAfter(dueOn);
    }

    public boolean onTime() {
        return submitted() && !firstSubmittedOn.isAfter(dueOn);
    }

    public boolean late(LocalDate today) {
        return isDue(today) && !onTime();
    }

    /** Returned by the lead unit at least once. */
    public boolean returned() {
        return returnCount > 0;
    }

    /** Reached 督办 (to the unit leader or the supervision office), not just a reminder or an urge. */
    public boolean escalated() {
        return escalationLevel != null && escalationLevel.compareTo(EscalationLevel.ESCALATE_LEADER) >= 0;
    }
}
