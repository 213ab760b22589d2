package org.duban.review;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.duban.catalog.Indicator;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clerk's and unit leader's steps that bring a report to the lead unit's review, for the review tests: a county
 * without a demo user acts through {@link Actors#of}.
 */
public final class ReviewTestSteps {

    private final ReportService reportService;
    private final ReviewService reviewService;
    private final TaskService taskService;
    private final ProgressReportRepository reports;
    private final TransactionTemplate tx;

    public ReviewTestSteps(ReportService reportService, ReviewService reviewService, TaskService taskService,
            ProgressReportRepository reports, TransactionTemplate tx) {
        this.reportService = reportService;
        this.reviewService = reviewService;
        this.taskService = taskService;
        this.reports = reports;
        this.tx = tx;
    }

    /** The report's first indicator (tests pick tasks that have one). */
    public Indicator firstIndicator(ProgressReport report) {
        return tx.execute(s -> {
            Indicator indicator = reports.findById(report.getId()).orElseThrow().getTask().getIndicators().get(0);
            indicator.getPhrase();
            return indicator;
        });
    }

    /** Submits as the unit's clerk and, where the unit signs off, signs off as its leader: now awaiting review. */
    public void submitToReview(ProgressReport report, String narrative, int percent, Integer actual) {
        String unit = unitCode(report);
        DubanUserDetails clerk = Actors.of(unit, Role.CLERK);
        Map<String, Object> values = new HashMap<>();
        values.put("narrative", narrative);
        values.put("percentDone", percent);
        values.put("needsCoordination", false);
        if (actual != null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicatorId", firstIndicator(report).getId());
            row.put("actual", actual);
            values.put("indicators", List.of(row));
        }
        Actors.as(clerk, () -> reportService.submit(taskId(report, "fillReport"), values));
        if (status(report) == ReportStatus.AWAITING_SIGNOFF) {
            Actors.as(Actors.of(unit, Role.UNIT_LEADER),
                    () -> reviewService.signOff(taskId(report, "signOffReport"), true, null));
        }
    }

    public String taskId(ProgressReport report, String activityId) {
        String instance = tx.execute(s -> reports.findById(report.getId()).orElseThrow().getProcessInstanceId());
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activityId)
                .singleResult().getId();
    }

    public ReportStatus status(ProgressReport report) {
        return tx.execute(s -> reports.findById(report.getId()).orElseThrow().getStatus());
    }

    private String unitCode(ProgressReport report) {
        return tx.execute(s -> reports.findById(report.getId()).orElseThrow().getUnit().getCode());
    }
}
