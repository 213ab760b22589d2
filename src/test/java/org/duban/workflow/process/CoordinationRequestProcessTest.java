package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.COORDINATION_REQUEST;
import static org.duban.workflow.ProcessKeys.VAR_COORDINATOR_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_DECISION;
import static org.duban.workflow.ProcessKeys.VAR_RAISER_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_REQUEST_ID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** bpmn/coordination-request.bpmn: a problem raised in a report, closed in a loop (发现、协调、解决、反馈). */
@Deployment(resources = {"bpmn/coordination-request.bpmn", "bpmn/forms/triage-coordination.form",
        "bpmn/forms/respond-coordination.form", "bpmn/forms/confirm-resolution.form"})
class CoordinationRequestProcessTest extends ProcessTest {

    private static final String REQUEST_KEY = "2023-T23-2023Q2-CAOXIAN-XT1";
    private static final String RAISER = "CAOXIAN.CLERK";

    @Test
    void requestIsAssignedAnsweredAndConfirmedByTheRaiser() {
        ProcessInstance request = raise();

        assertThat(request).hasBusinessKey(REQUEST_KEY).isWaitingAtExactly("triageCoordination");
        Task triage = task(request);
        assertThat(triage).hasName("督查室研判交办").hasCandidateGroup("SUPERVISOR");
        assertForm(triage, "triageCoordination");
        assign(request, "ZRZYJ.CLERK");

        assertThat(request).isWaitingAtExactly("respondCoordination");
        Task respond = task(request);
        assertThat(respond).hasName("协调单位办理答复").hasCandidateGroup("ZRZYJ.CLERK");
        assertForm(respond, "respondCoordination");
        complete(respond, withVariables("response", "用地指标已协调解决"));

        assertThat(request).isWaitingAtExactly("confirmResolution");
        Task confirm = task(request);
        assertThat(confirm).hasName("提出单位确认").hasCandidateGroup(RAISER);
        assertForm(confirm, "confirmResolution");
        complete(confirm, withVariables(VAR_DECISION, "CONFIRM"));

        assertThat(request).isEnded().hasPassedInOrder("problemRaised", "triageCoordination", "respondCoordination",
                "confirmResolution", "problemResolved");
    }

    @Test
    void requestNotAcceptedEndsWithoutACoordinatingUnit() {
        ProcessInstance request = raise();

        complete(task("triageCoordination", request), withVariables(VAR_DECISION, "REJECT", "triageNote", "不属于协调范围"));

        assertThat(request).isEnded().hasPassed("requestRejected").hasNotPassed("respondCoordination");
    }

    @Test
    void reopenedProblemGoesBackToTheSupervisorForAnotherRound() {
        ProcessInstance request = raise();
        assign(request, "ZRZYJ.CLERK");
        complete(task("respondCoordination", request));

        complete(task("confirmResolution", request), withVariables(VAR_DECISION, "REOPEN", "comment", "仍未落实"));

        assertThat(request).isWaitingAtExactly("triageCoordination");
        assign(request, "FGW.CLERK");
        assertThat(task("respondCoordination", request)).hasCandidateGroup("FGW.CLERK");
        complete(task("respondCoordination", request));
        complete(task("confirmResolution", request), withVariables(VAR_DECISION, "CONFIRM"));

        assertThat(request).isEnded().hasPassed("problemResolved");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId("triageCoordination").count()).isEqualTo(2);
    }

    private static ProcessInstance raise() {
        return runtimeService().startProcessInstanceByKey(COORDINATION_REQUEST, REQUEST_KEY,
                withVariables(VAR_REQUEST_ID, 11L, VAR_RAISER_GROUP, RAISER));
    }

    /** As CoordinationService does: the coordinating unit's group first, then the decision. */
    private static void assign(ProcessInstance request, String coordinatorGroup) {
        Task triage = task("triageCoordination", request);
        runtimeService().setVariable(request.getId(), VAR_COORDINATOR_GROUP, coordinatorGroup);
        complete(triage, withVariables(VAR_DECISION, "ASSIGN"));
    }
}
