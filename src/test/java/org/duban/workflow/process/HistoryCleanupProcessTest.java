package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.COORDINATION_REQUEST;
import static org.duban.workflow.ProcessKeys.VAR_DECISION;
import static org.duban.workflow.ProcessKeys.VAR_RAISER_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_REQUEST_ID;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History cleanup removes a finished instance's history once its time to live (camunda:historyTimeToLive="P730D" on
 * every definition in bpmn/) has passed, and not a day before.
 */
@Deployment(resources = {"bpmn/coordination-request.bpmn", "bpmn/forms/triage-coordination.form",
        "bpmn/forms/respond-coordination.form", "bpmn/forms/confirm-resolution.form"})
class HistoryCleanupProcessTest extends ProcessTest {

    private static final LocalDateTime ENDED = LocalDateTime.of(2023, 6, 1, 10, 0);

    @Test
    void historyOfAFinishedInstanceLivesSevenHundredThirtyDays() {
        clockAt(ENDED);
        ProcessInstance request = runtimeService().startProcessInstanceByKey(COORDINATION_REQUEST, "XT-CLEANUP",
                withVariables(VAR_REQUEST_ID, 7L, VAR_RAISER_GROUP, "CAOXIAN.CLERK"));
        complete(task("triageCoordination", request), withVariables(VAR_DECISION, "REJECT", "triageNote", "不属于协调范围"));
        assertThat(request).isEnded();
        assertThat(history(request)).isEqualTo(1);

        clockAt(ENDED.plusDays(729));
        cleanUpNow();
        assertThat(history(request)).as("history kept before its time to live").isEqualTo(1);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(request.getId()).count())
                .isPositive();

        clockAt(ENDED.plusDays(731));
        cleanUpNow();
        assertThat(history(request)).as("history removed after its time to live").isZero();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(request.getId()).count())
                .isZero();
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(request.getId()).count())
                .isZero();
    }

    @AfterEach
    void removeCleanupJobs() {
        for (Job job : historyService().findHistoryCleanupJobs()) {
            managementService().deleteJob(job.getId());
        }
    }

    private static long history(ProcessInstance instance) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count();
    }

    /** What the nightly window does, at once: schedule the cleanup job and run it. */
    private static void cleanUpNow() {
        Job cleanup = historyService().cleanUpHistoryAsync(true);
        managementService().executeJob(cleanup.getId());
    }
}
