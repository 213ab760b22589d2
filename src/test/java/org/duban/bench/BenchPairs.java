package org.duban.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.support.Actors;

/**
 * One submit + review pair of a city bureau's report, through Duban's services as the unit's clerk and the lead
 * unit's reviewer, or directly on the engine with the same variables: what scenarios 2 and 2b time and count.
 */
final class BenchPairs {

    private final ReportService reportService;
    private final ReviewService reviewService;
    private final ProgressReportRepository reports;
    private final TaskService taskService;
    private final Map<String, Object> clerksValues;

    /** {@code clerksValues}: what the clerk enters, the same for every pair (copied for each). */
    BenchPairs(ReportService reportService, ReviewService reviewService, ProgressReportRepository reports,
            TaskService taskService, Map<String, Object> clerksValues) {
        this.reportService = reportService;
        this.reviewService = reviewService;
        this.reports = reports;
        this.taskService = taskService;
        this.clerksValues = clerksValues;
    }

    void throughDuban(ProgressReport report) {
        String instance = reports.findById(report.getId()).orElseThrow().getProcessInstanceId();
        Actors.as(Actors.of(report.getUnit().getCode(), Role.CLERK), () -> reportService.submit(
                task(instance, "fillReport").getId(), new HashMap<>(clerksValues)));
        Actors.as(Actors.of(report.getReviewerUnit().getCode(), Role.REVIEWER), () -> reviewService.review(
                task(instance, "reviewReport").getId(), ReviewOutcome.APPROVE, null, Map.of()));
    }

    void onTheEngine(ProgressReport report) {
        String instance = reports.findById(report.getId()).orElseThrow().getProcessInstanceId();
        taskService.complete(task(instance, "fillReport").getId(), new HashMap<>(clerksValues));
        taskService.complete(task(instance, "reviewReport").getId(), Map.of("decision", "APPROVE"));
    }

    private Task task(String processInstanceId, String activityId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
    }
}
