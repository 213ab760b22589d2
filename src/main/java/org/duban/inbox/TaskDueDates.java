package org.duban.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.reporting.ProgressReportRepository;
import org.duban.workflow.ProcessKeys;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each step of a progress report its due date as the engine task's due date when the task is created (the
 * report's due date; the review's own due date for the lead unit's review). The engine can then filter and sort the
 * inbox by due date in the database, and Camunda's own tools show the same dates.
 */
@Component
class TaskDueDates {

    static final String REVIEW_REPORT = "reviewReport";

    private final ProgressReportRepository reports;
    private final Clock clock;

    TaskDueDates(ProgressReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getDueDate() != null
                || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(ProcessKeys.PROGRESS_REPORT + ":")) {
            return;
        }
        if (!(task.getVariable(ProcessKeys.VAR_REPORT_ID) instanceof Long reportId)) {
            return;
        }
        reports.findById(reportId).ifPresent(report -> {
            LocalDate due = REVIEW_REPORT.equals(task.getTaskDefinitionKey()) ? report.getReviewDueOn()
                    : report.getDueOn();
            if (due != null) {
                task.setDueDate(startOf(due));
            }
        });
    }

    Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
