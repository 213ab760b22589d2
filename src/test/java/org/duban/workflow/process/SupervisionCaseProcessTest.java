package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.MESSAGE_REPORT_CAUGHT_UP;
import static org.duban.workflow.ProcessKeys.SUPERVISION_CASE;
import static org.duban.workflow.ProcessKeys.VAR_ESCALATION_ID;
import static org.duban.workflow.ProcessKeys.VAR_REPORT_ID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** bpmn/supervision-case.bpmn: a late report escalated to the supervision office. */
@Deployment(resources = {"bpmn/supervision-case.bpmn", "bpmn/forms/handle-supervision-case.form"})
class SupervisionCaseProcessTest extends ProcessTest {

    private static final String CASE_KEY = "2023-T23-2023Q2-CAOXIAN-DB-FILL";

    @Test
    void supervisionOfficeHandlesTheCaseAndClosesIt() {
        ProcessInstance supervisionCase = open();

        assertThat(supervisionCase).hasBusinessKey(CASE_KEY).isWaitingAtExactly("handleSupervisionCase");
        Task handle = task(supervisionCase);
        assertThat(handle).hasName("督查室督办处理").hasCandidateGroup("SUPERVISOR");
        assertForm(handle, "handleSupervisionCase");
        complete(handle, withVariables("note", "已约谈单位负责人"));

        assertThat(supervisionCase).isEnded().hasPassed("caseClosed").hasNotPassed("caseResolved");
    }

    @Test
    void lateUnitCatchingUpClosesTheCaseByItself() {
        ProcessInstance supervisionCase = open();

        runtimeService().createMessageCorrelation(MESSAGE_REPORT_CAUGHT_UP).processInstanceId(supervisionCase.getId())
                .correlateAll();

        assertThat(supervisionCase).isEnded().hasPassed("lateUnitCaughtUp", "caseResolved")
                .hasNotPassed("caseClosed");
        assertThat(taskQuery().processInstanceId(supervisionCase.getId()).count()).isZero();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(supervisionCase.getId())
                .taskDefinitionKey("handleSupervisionCase").singleResult().getEndTime()).isNotNull();
    }

    private static ProcessInstance open() {
        return runtimeService().startProcessInstanceByKey(SUPERVISION_CASE, CASE_KEY,
                withVariables(VAR_REPORT_ID, 42L, VAR_ESCALATION_ID, 9L));
    }
}
