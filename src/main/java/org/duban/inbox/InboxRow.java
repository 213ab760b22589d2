package org.duban.inbox;

import java.time.Instant;
import java.time.LocalDate;
import org.duban.reporting.ReportStatus;

/**
 * One line of the inbox: the engine task and what it is about. {@code reportId} is set for the steps of a unit's
 * progress report (fill in, sign off, review), null for the other processes' steps.
 */
public record InboxRow(String taskId, String taskName, String activityId, String businessKey, Long reportId,
        Integer taskNumber, String taskCode, String taskTitle, String unitName, String cycleCode, LocalDate dueOn,
        int returnCount, ReportStatus reportStatus, String assignee, boolean mine, boolean overdue, boolean dueSoon,
        boolean returned, Instant createdAt) {

    public boolean claimable() {
        return assignee == null;
    }
}
