package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.TaskAssignment;
import org.duban.catalog.TaskStatus;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.security.DubanUserDetails;
import org.duban.supervision.CycleTaskReport;
import org.duban.supervision.CycleTaskReportRepository;
import org.duban.supervision.KeyTaskSteps;
import org.duban.supervision.SupervisionException;
import org.duban.supervision.WorkPlanRepository;
import org.duban.support.Actors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One key task from assignment to 销号, through the services, on the seed plan. */
class KeyTaskFlowTest extends WorkflowTestSupport {

    @Autowired KeyTaskSteps steps;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired WorkPlanRepository workPlans;
    @Autowired CycleTaskReportRepository cycleReports;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void adjustmentMovesTheLeadThenThePlanCycleAndClosureRunToTheEnd() {
        KeyTask t23 = task(23);
        assertThat(runtimeService.getVariable(processOf(t23), "leadGroup")).isEqualTo("FGW.CLERK,FGW.REVIEWER");
        actors.as("supervisor", () -> steps.confirmAssignment(step(t23, "confirmAssignment"), "分工无误"));
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> steps.acceptAssignment(
                step(t23, "acceptAssignment"), true, null))).isInstanceOf(WorkflowAccessException.class);
        actors.as("fgw.reviewer", () -> steps.acceptAssignment(step(t23, "acceptAssignment"), false,
                "可再生能源装机由自然资源部门牵头更合适"));
        actors.as("supervisor", () -> steps.decideAdjustment(step(t23, "decideAdjustment"), true, "市自然资源和规划局",
                "同意调整"));

        KeyTask adjusted = task(23);
        String newLead = tx.execute(s -> keyTasks.findById(adjusted.getId()).orElseThrow().primaryLead()
                .orElseThrow().getCode());
        assertThat(newLead).isEqualTo("ZRZYJ");
        assertThat(runtimeService.getVariable(processOf(t23), "leadGroup")).isEqualTo("ZRZYJ.CLERK,ZRZYJ.REVIEWER");
        DubanUserDetails zrzyj = Actors.of("ZRZYJ", Role.REVIEWER);
        assertThatThrownBy(() -> actors.as("fgw.reviewer", () -> steps.acceptAssignment(
                step(t23, "acceptAssignment"), true, null))).isInstanceOf(WorkflowAccessException.class);
        Actors.as(zrzyj, () -> steps.acceptAssignment(step(t23, "acceptAssignment"), true, null));

        Long indicatorId = tx.execute(s -> keyTasks.findById(t23.getId()).orElseThrow().getIndicators().get(0)
                .getId());
        Actors.as(zrzyj, () -> steps.submitWorkPlan(step(t23, "draftWorkPlan"), "6月底前完成并网项目清单",
                "曹县由市发展改革委审核",
                List.of(new KeyTaskSteps.ShareInput(indicatorId, "CAOXIAN", new BigDecimal("50")),
                        new KeyTaskSteps.ShareInput(indicatorId, "SHANXIAN", new BigDecimal("40"))),
                Map.of("CAOXIAN", "FGW")));
        Integer shares = tx.execute(s -> workPlans.findByTaskId(t23.getId()).orElseThrow().getShares().size());
        assertThat(shares).isEqualTo(2);
        String caoxianReviewer = tx.execute(s -> reviewerOf(t23, "CAOXIAN"));
        assertThat(caoxianReviewer).isEqualTo("FGW");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(processOf(t23))
                .activityId("awaitClosureInvitation").count()).isEqualTo(1);

        // the Q2 cycle: every unit's report approved, then the lead consolidates
        List<ProgressReport> q2 = reports.findByCycleId(openCycle("2023Q2").getId()).stream()
                .filter(r -> r.getTask().getId().equals(t23.getId())).toList();
        assertThat(q2).hasSize(12);
        q2.forEach(this::approve);
        Task consolidate = taskService.createTaskQuery().processInstanceId(processOf(t23))
                .taskDefinitionKey("consolidateCycleReport").singleResult();
        assertThat(consolidate).as("consolidation opens once all reports are in").isNotNull();
        Actors.as(zrzyj, () -> steps.consolidateCycleReport(consolidate.getId(), "二季度新增装机30万千瓦"));
        actors.as("supervisor", () -> steps.decideCycleReport(step(t23, "reviewCycleReport"), false, "请附分县数据"));
        Actors.as(zrzyj, () -> steps.consolidateCycleReport(step(t23, "consolidateCycleReport"),
                "二季度新增装机30万千瓦，分县数据见附表"));
        actors.as("supervisor", () -> steps.decideCycleReport(step(t23, "reviewCycleReport"), true, null));
        runAsyncSteps(processOf(t23));
        CycleTaskReport cycleReport = cycleReports.findByTaskIdAndCycleId(t23.getId(),
                openCycle("2023Q2").getId()).orElseThrow();
        assertThat(cycleReport.getStatus()).isEqualTo(CycleTaskReport.Status.ACCEPTED);
        assertThat(cycleReport.getReturnCount()).isEqualTo(1);

        // not the final cycle: the supervisor invites closure early, the lead applies, is returned once, then closed
        assertThat(actors.as("kjj.reviewer", () -> steps.closureInvitable(t23.getId()))).isFalse();
        assertThat(actors.as("supervisor", () -> steps.closureInvitable(t23.getId()))).isTrue();
        actors.as("supervisor", () -> steps.inviteClosure(t23.getId()));
        assertThat(actors.as("supervisor", () -> steps.closureInvitable(t23.getId()))).isFalse();
        assertThatThrownBy(() -> actors.as("supervisor", () -> steps.inviteClosure(t23.getId())))
                .isInstanceOf(SupervisionException.class).hasMessageContaining("已可申请销号");
        Actors.as(zrzyj, () -> steps.applyForClosure(step(t23, "applyForClosure"), "装机目标已提前完成"));
        actors.as("supervisor", () -> steps.decideClosure(step(t23, "reviewClosure"), false, "缺少佐证材料"));
        Actors.as(zrzyj, () -> steps.applyForClosure(step(t23, "applyForClosure"), "装机目标已完成，附并网证明"));
        actors.as("supervisor", () -> steps.decideClosure(step(t23, "reviewClosure"), true, null));
        String instance = processOf(t23);
        runAsyncSteps(instance);
        assertThat(task(23).getStatus()).isEqualTo(TaskStatus.CLOSED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(actors.as("supervisor", () -> steps.closureInvitable(t23.getId()))).isFalse();
    }

    @Test
    void taskWithoutUnitsIsRunByTheSupervisionOffice() {
        KeyTask t94 = task(94);
        assertThat(runtimeService.getVariable(processOf(t94), "leadGroup")).isEqualTo("SUPERVISOR");
        actors.as("supervisor", () -> steps.confirmAssignment(step(t94, "confirmAssignment"), null));
        assertThat(keyTaskStep(t94, "acceptAssignment")).isNull();
        Task plan = keyTaskStep(t94, "draftWorkPlan");
        assertThat(taskService.getIdentityLinksForTask(plan.getId())).anyMatch(l -> "SUPERVISOR".equals(
                l.getGroupId()));
        assertThat(reports.findByCycleId(openCycle("2023Q2").getId()))
                .noneMatch(r -> r.getTask().getId().equals(t94.getId()));
    }

    @Test
    void coLeadsReviewTheParticipantsTheWorkPlanGivesThem() {
        KeyTask t2 = task(2); // 市科技局 (primary) and 市工业和信息化局
        actors.as("supervisor", () -> steps.confirmAssignment(step(t2, "confirmAssignment"), null));
        actors.as("kjj.reviewer", () -> steps.acceptAssignment(step(t2, "acceptAssignment"), true, null));
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> steps.submitWorkPlan(step(t2, "draftWorkPlan"),
                "计划", null, List.of(), Map.of("CAOXIAN", "FGW")))).hasMessageContaining("FGW");
        // the lead unit's clerks fill in its forms (DESIGN §2); a participant's or a co-lead's clerk may not
        assertThatThrownBy(() -> actors.as("gxj.clerk", () -> steps.submitWorkPlan(step(t2, "draftWorkPlan"),
                "计划", null, List.of(), Map.of()))).isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> steps.submitWorkPlan(step(t2, "draftWorkPlan"),
                "计划", null, List.of(), Map.of()))).isInstanceOf(WorkflowAccessException.class);
        actors.as("kjj.clerk", () -> steps.submitWorkPlan(step(t2, "draftWorkPlan"), "培育企业平台",
                "县区由两家牵头单位分别审核", List.of(), Map.of("CAOXIAN", "GXJ", "SHANXIAN", "GXJ")));
        String caoxian = tx.execute(s -> reviewerOf(t2, "CAOXIAN"));
        String yuncheng = tx.execute(s -> reviewerOf(t2, "YUNCHENG"));
        assertThat(caoxian).isEqualTo("GXJ");
        assertThat(yuncheng).isNull();
    }

    private void approve(ProgressReport report) {
        DubanUserDetails clerk = Actors.of(report.getUnit().getCode(), Role.CLERK);
        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("本期进展", 60, false, null)));
        if (reload(report).getStatus() == ReportStatus.AWAITING_SIGNOFF) {
            Actors.as(Actors.of(report.getUnit().getCode(), Role.UNIT_LEADER),
                    () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, null));
        }
        String reviewer = reload(report).getReviewerUnit().getCode();
        Actors.as(Actors.of(reviewer, Role.REVIEWER), () -> reviewService.review(taskOf(report, "reviewReport")
                .getId(), ReviewOutcome.APPROVE, null, Map.of()));
        runAsyncSteps(reload(report).getProcessInstanceId());
    }

    private String reviewerOf(KeyTask task, String unitCode) {
        TaskAssignment assignment = keyTasks.findById(task.getId()).orElseThrow().getAssignments().stream()
                .filter(a -> a.getRole() != AssignmentRole.PRIMARY_LEAD && a.getUnit().getCode().equals(unitCode))
                .findFirst().orElseThrow();
        return assignment.getReviewerUnit() == null ? null : assignment.getReviewerUnit().getCode();
    }

    private String step(KeyTask task, String activityId) {
        Task found = keyTaskStep(task, activityId);
        assertThat(found).as(activityId + " of " + task.getCode()).isNotNull();
        return found.getId();
    }

    private String processOf(KeyTask task) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("keyTaskSupervision")
                .processInstanceBusinessKey(task.getCode()).singleResult().getId();
    }
}
