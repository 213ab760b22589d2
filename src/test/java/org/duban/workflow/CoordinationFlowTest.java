package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
import org.duban.coordination.CoordinationRequest;
import org.duban.coordination.CoordinationService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.support.Actors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 问题协调: raised in a report, triaged, answered, reopened once, then confirmed solved. */
class CoordinationFlowTest extends WorkflowTestSupport {

    @Autowired ReportService reportService;
    @Autowired CoordinationService coordination;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void problemRaisedInAReportGoesRoundTheLoopUntilConfirmed() {
        ProgressReport report = report(19, "YUNCHENG", "2023Q2");
        actors.as("yuncheng.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("雄商高铁郓城段征迁推进中", 40, true, "征迁补偿标准需市级统一协调")));
        CoordinationRequest request = tx.execute(s -> coordination.requestsOfTask(report.getTask().getId())
                .stream().filter(r -> r.getReport() != null && r.getReport().getId().equals(report.getId()))
                .findFirst().orElseThrow());
        assertThat(request.getBusinessKey()).isEqualTo("2023-T19-2023Q2-YUNCHENG-XT1");
        assertThat(request.getProblem()).isEqualTo("征迁补偿标准需市级统一协调");

        actors.as("supervisor", () -> coordination.triage(step(request, "triageCoordination"), true, "市发改委",
                "请发改委牵头协调"));
        actors.as("fgw.clerk", () -> coordination.respond(step(request, "respondCoordination"), "已召开协调会"));
        actors.as("yuncheng.clerk", () -> coordination.confirm(step(request, "confirmResolution"), false,
                "补偿标准仍未明确"));
        actors.as("supervisor", () -> coordination.triage(step(request, "triageCoordination"), true, "市发展改革委",
                "再次协调"));
        Actors.as(Actors.of("FGW", Role.CLERK), () -> coordination.respond(step(request, "respondCoordination"),
                "已印发统一补偿标准"));
        actors.as("yuncheng.clerk", () -> coordination.confirm(step(request, "confirmResolution"), true, null));

        tx.executeWithoutResult(s -> {
            CoordinationRequest done = coordination.requestsOfTask(report.getTask().getId()).stream()
                    .filter(r -> r.getId().equals(request.getId())).findFirst().orElseThrow();
            assertThat(done.getStatus()).isEqualTo(CoordinationRequest.Status.RESOLVED);
            assertThat(done.getReopenCount()).isEqualTo(1);
            assertThat(done.getCoordinatingUnit().getCode()).isEqualTo("FGW");
            assertThat(done.getResponse()).isEqualTo("已印发统一补偿标准");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.getBusinessKey())
                .count()).isZero();
    }

    private String step(CoordinationRequest request, String activityId) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.getBusinessKey())
                .taskDefinitionKey(activityId).singleResult();
        assertThat(task).as(activityId).isNotNull();
        return task.getId();
    }
}
