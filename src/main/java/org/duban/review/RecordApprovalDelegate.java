package org.duban.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.notify.NotificationContent;
import org.duban.notify.NotificationKind;
import org.duban.notify.NotificationService;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * After an approval (asynchronously, so a failure here never undoes the reviewer's decision): tell the reporting
 * unit its report was approved.
 */
@Component("recordApproval")
class RecordApprovalDelegate implements JavaDelegate {

    private final ProgressReportRepository reports;
    private final NotificationService notifications;

    RecordApprovalDelegate(ProgressReportRepository reports, NotificationService notifications) {
        this.reports = reports;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProgressReport report = reports.findById((Long) execution.getVariable(ProcessKeys.VAR_REPORT_ID))
                .orElseThrow();
        notifications.notifyGroup(NotificationKind.APPROVED,
                CandidateGroups.of(report.getUnit().getCode(), Role.CLERK),
                new NotificationContent(report.getTask().getCode(), report.getTask().getTitle(),
                        report.getUnit().getName(), report.getCycle().getPeriodCode(), null, report.getDueOn(),
                        "system", "report/" + report.getId()));
    }
}
