package org.duban.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * First step of a progress report: who fills it in, who signs it off, who reviews it — as candidate groups of the
 * report's unit and its reviewing lead unit — and the link from the report to its process instance.
 */
@Component("prepareReport")
class PrepareReportDelegate implements JavaDelegate {

    private final ProgressReportRepository reports;

    PrepareReportDelegate(ProgressReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long reportId = (Long) execution.getVariable(ProcessKeys.VAR_REPORT_ID);
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new IllegalStateException("No progress report " + reportId));
        String unit = report.getUnit().getCode();
        execution.setVariable(ProcessKeys.VAR_CLERK_GROUP, CandidateGroups.of(unit, Role.CLERK));
        execution.setVariable(ProcessKeys.VAR_LEADER_GROUP, CandidateGroups.of(unit, Role.UNIT_LEADER));
        execution.setVariable(ProcessKeys.VAR_REVIEWER_GROUP,
                CandidateGroups.of(report.getReviewerUnit().getCode(), Role.REVIEWER));
        execution.setVariable(ProcessKeys.VAR_LEADER_SIGNOFF, report.getUnit().isLeaderSignoff());
        report.linkProcess(execution.getProcessInstanceId());
    }
}
