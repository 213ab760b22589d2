package org.duban.reporting;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expressions the key-task process uses to start one progress-report instance per report of a cycle:
 * {@code ${reportProcesses.reportIds(taskId, cycleId)}} and {@code ${reportProcesses.businessKey(reportId)}}.
 */
@Component("reportProcesses")
public class ReportProcesses {

    private final ProgressReportRepository reports;

    public ReportProcesses(ProgressReportRepository reports) {
        this.reports = reports;
    }

    @Transactional(readOnly = true)
    public List<Long> reportIds(Long taskId, Long cycleId) {
        return reports.idsOf(taskId, cycleId);
    }

    @Transactional(readOnly = true)
    public String businessKey(Long reportId) {
        return reports.findById(reportId).map(ProgressReport::getBusinessKey)
                .orElseThrow(() -> new IllegalStateException("No progress report " + reportId));
    }
}
