package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.TaskStatus;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationRepository;
import org.duban.org.Role;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewDecision;
import org.duban.review.ReviewDecisionRepository;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.security.DubanUserDetails;
import org.duban.supervision.CycleTaskReport;
import org.duban.supervision.CycleTaskReportRepository;
import org.duban.supervision.KeyTaskSteps;
import org.duban.support.Actors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole reporting cycle of the seed plan (2023Q3), every active task and every unit, end to end through the
 * services: each unit's clerk submits, county leaders sign off, lead units review (every tenth report is returned
 * once and resubmitted), the reports of one task are late and escalate to the supervision office by the daily timer,
 * and every task's cycle report is consolidated and accepted. The counts at the end are checked against the catalog.
 */
abstract class SeedCycleContract extends WorkflowTestSupport {

    private static final int LATE_TASK = 11;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired KeyTaskSteps steps;
    @Autowired ReviewDecisionRepository decisions;
    @Autowired EscalationRepository escalations;
    @Autowired CycleTaskReportRepository cycleReports;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void theInboxIndexExistsOnTheEnginesTaskTable() throws Exception {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (java.sql.Connection connection = configuration.getDataSource().getConnection()) {
            assertThat(EngineIndexes.exists(connection, prefix, "ACT_RU_TASK", EngineIndexes.TASK_DUE)).isTrue();
            assertThat(EngineIndexes.exists(connection, prefix, "ACT_RU_TASK", "NO_SUCH_INDEX")).isFalse();
        }
    }

    @Test
    void wholeSeedCycleRunsThroughTheServices() {
        setClock(LocalDateTime.of(2023, 9, 1, 10, 0));
        List<KeyTask> active = tx.execute(s -> {
            List<KeyTask> tasks = keyTasks.findByPlanIdAndStatusOrderByNumber(seedPlan().getId(), TaskStatus.ACTIVE);
            tasks.forEach(t -> t.getAssignments().forEach(a -> a.getUnit().getCode()));
            return tasks;
        });
        long expectedReports = active.stream().flatMap(t -> t.getAssignments().stream())
                .filter(a -> a.getRole() != AssignmentRole.PRIMARY_LEAD).count();
        ReportingCycle q3 = openCycle("2023Q3");
        assertThat(q3.getDueOn()).hasToString("2023-09-25");

        List<ProgressReport> all = reports.findByCycleId(q3.getId());
        assertThat(all).hasSize((int) expectedReports);
        if (active.size() == 96) {
            assertThat(all).hasSize(1065);
        }

        List<ProgressReport> late = new ArrayList<>();
        int returned = 0;
        int signOffs = 0;
        for (int i = 0; i < all.size(); i++) {
            ProgressReport report = all.get(i);
            if (report.getTask().getNumber() == LATE_TASK) {
                late.add(report);
                continue;
            }
            boolean returnOnce = i % 10 == 0;
            signOffs += submitAndReview(report, returnOnce);
            returned += returnOnce ? 1 : 0;
        }

        // the late task's reports: three working days overdue (26, 27, 28 Sep), the daily timer escalates each
        setClock(LocalDateTime.of(2023, 9, 28, 9, 30));
        for (ProgressReport report : late) {
            Job timer = managementService.createJobQuery().processInstanceId(report.getProcessInstanceId()).timers()
                    .singleResult();
            managementService.executeJob(timer.getId());
        }
        // by report, not by "rows after the count before": ids come from pooled sequences, and another test context
        // in this JVM may hand out higher ids for rows it made earlier
        java.util.Set<Long> q3Reports = all.stream().map(ProgressReport::getId)
                .collect(java.util.stream.Collectors.toSet());
        List<Escalation> raised = escalations.findAll().stream()
                .filter(e -> e.getReport() != null && q3Reports.contains(e.getReport().getId())).toList();
        assertThat(raised).hasSize(late.size()).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(EscalationLevel.ESCALATE_OFFICE);
            assertThat(e.getCaseInstanceId()).isNotNull();
        });
        for (ProgressReport report : late) {
            signOffs += submitAndReview(report, false);
        }
        assertThat(escalations.findAll().stream()
                .filter(e -> e.getReport() != null && q3Reports.contains(e.getReport().getId())))
                .allSatisfy(e -> assertThat(e.getResolvedAt()).as("resolved when the unit caught up").isNotNull());

        // every task: the lead consolidates, the supervisor accepts
        DubanUserDetails supervisor = Actors.of("DCS", Role.SUPERVISOR);
        int consolidated = 0;
        for (KeyTask task : active) {
            Task consolidate = taskService.createTaskQuery().processInstanceBusinessKey(task.getCode())
                    .taskDefinitionKey("consolidateCycleReport").list().stream()
                    .filter(t -> q3.getId().equals(taskService.getVariable(t.getId(), "cycleId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no consolidation for " + task.getCode()));
            DubanUserDetails lead = task.primaryLead().map(u -> Actors.of(u.getCode(), Role.REVIEWER))
                    .orElse(supervisor);
            Actors.as(lead, () -> steps.consolidateCycleReport(consolidate.getId(), "三季度汇总"));
            Task review = taskService.createTaskQuery().processInstanceBusinessKey(task.getCode())
                    .taskDefinitionKey("reviewCycleReport").singleResult();
            Actors.as(supervisor, () -> steps.decideCycleReport(review.getId(), true, null));
            consolidated++;
        }

        List<ProgressReport> done = reports.findByCycleId(q3.getId());
        assertThat(done).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(ReportStatus.APPROVED));
        assertThat(done.stream().mapToInt(ProgressReport::getReturnCount).sum()).isEqualTo(returned);
        assertThat(done).allSatisfy(r -> assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(r.getProcessInstanceId()).finished().count())
                .as("report process of " + r.getBusinessKey() + " ended").isEqualTo(1));
        assertThat(cycleReports.findByCycleId(q3.getId())).hasSize(consolidated)
                .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(CycleTaskReport.Status.ACCEPTED));

        List<ReviewDecision> made = decisions.findAll().stream()
                .filter(d -> q3Reports.contains(d.getReport().getId())).toList();
        long approvals = made.stream().filter(d -> d.getStage() == ReviewDecision.Stage.REVIEW
                && d.getDecision() == ReviewDecision.Outcome.APPROVED).count();
        long returns = made.stream().filter(d -> d.getDecision() == ReviewDecision.Outcome.RETURNED_TO_CLERK).count();
        long signedOff = made.stream().filter(d -> d.getStage() == ReviewDecision.Stage.SIGN_OFF).count();
        assertThat(approvals).isEqualTo(expectedReports);
        assertThat(returns).isEqualTo(returned);
        assertThat(signedOff).isEqualTo(signOffs);
        assertThat(made).hasSize((int) (approvals + returns + signedOff));
    }

    /** Submits (signing off where the unit requires it) and reviews; returns the number of sign-offs. */
    private int submitAndReview(ProgressReport report, boolean returnOnce) {
        String unit = report.getUnit().getCode();
        DubanUserDetails clerk = Actors.of(unit, Role.CLERK);
        DubanUserDetails leader = Actors.of(unit, Role.UNIT_LEADER);
        DubanUserDetails reviewer = Actors.of(report.getReviewerUnit().getCode(), Role.REVIEWER);
        int signOffs = 0;
        for (int round = 0; round < (returnOnce ? 2 : 1); round++) {
            Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                    reportValues("三季度进展", 75, false, null)));
            if (report.getUnit().isLeaderSignoff()) {
                Actors.as(leader, () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, null));
                signOffs++;
            }
            boolean sendBack = returnOnce && round == 0;
            Actors.as(reviewer, () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                    sendBack ? ReviewOutcome.RETURN_TO_CLERK : ReviewOutcome.APPROVE,
                    sendBack ? "请补充数据" : null, Map.of()));
        }
        runAsyncSteps(report.getProcessInstanceId());
        return signOffs;
    }
}
