package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.catalog.KeyTask;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.KeyTaskSteps;
import org.duban.supervision.TaskDetailService;
import org.duban.supervision.TaskDetailService.EntryKind;
import org.duban.supervision.TaskDetailService.TimelineEntry;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A field an admin adds to a step's form in Modeler appears on the generic form without code (DESIGN §4), so what
 * users type into it must not be lost although no service reads it: it is kept in the audit trail and shown on the
 * task's timeline. The step here is a {@code confirmAssignment} of a process deployed by this test only (its own key
 * and, bound by deployment, its own form), on seed task 88, which no other test uses.
 */
@SpringBootTest
@ActiveProfiles("test")
class FormExtraFieldsTest extends WorkflowTestSupport {

    private static final String PROCESS = "formExtraFieldsTest";

    @Autowired TaskFormService service;
    @Autowired TaskDetailService details;
    @Autowired RepositoryService repository;
    @Autowired AuditService audit;

    @Test
    void valuesOfAFieldAddedInModelerAreKeptAndShown() {
        repository.createDeployment().name("extra fields test")
                .addString("extra-fields-test.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs"
                            targetNamespace="http://duban.org/test">
                          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                            <bpmn:startEvent id="start"/>
                            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="confirmAssignment"/>
                            <bpmn:userTask id="confirmAssignment" name="督查室确认分工" camunda:formRef="confirmAssignment"
                                camunda:formRefBinding="deployment" camunda:candidateGroups="SUPERVISOR"/>
                            <bpmn:sequenceFlow id="f2" sourceRef="confirmAssignment" targetRef="end"/>
                            <bpmn:endEvent id="end"/>
                          </bpmn:process>
                        </bpmn:definitions>
                        """.formatted(PROCESS))
                .addString("confirm-assignment.form", """
                        {"id": "confirmAssignment", "type": "default", "components": [
                          {"label": "确认说明", "type": "textarea", "key": "note", "id": "Field_note"},
                          {"label": "风险提示", "type": "textfield", "key": "riskNote", "id": "Field_riskNote",
                           "validate": {"maxLength": 200}},
                          {"label": "抄送领导", "type": "checklist", "key": "copyTo", "id": "Field_copyTo",
                           "values": [{"label": "分管副市长", "value": "vice"}, {"label": "秘书长", "value": "sg"}]}
                        ]}
                        """)
                .deploy();
        KeyTask t88 = task(88);
        runtimeService.startProcessInstanceByKey(PROCESS, t88.getCode(),
                Map.of(ProcessKeys.VAR_TASK_ID, t88.getId()));
        String step = taskService.createTaskQuery().processDefinitionKey(PROCESS).singleResult().getId();

        actors.as("supervisor", () -> service.complete(step, Map.of("note", "分工无误", "riskNote", "涉及跨县协调",
                "copyTo", java.util.List.of("vice", "sg"))));

        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(audit.trailOf("KeyTask", t88.getCode())).extracting(AuditEvent::getAction, AuditEvent::getActor,
                AuditEvent::getSummary).containsExactly(tuple("ASSIGNMENT_CONFIRMED", "supervisor", "分工无误"),
                tuple(KeyTaskSteps.STEP_EXTRA_FIELDS, "supervisor", "督查室确认分工"));
        assertThat(audit.trailOf("KeyTask", t88.getCode()).get(1).getAfterState())
                .isEqualTo("风险提示：涉及跨县协调\n抄送领导：分管副市长、秘书长");
        TimelineEntry shown = actors.as("supervisor", () -> details.detail(seedPlan().getId(), 88)).timeline()
                .stream().filter(e -> KeyTaskSteps.STEP_EXTRA_FIELDS.equals(e.code())).findFirst().orElseThrow();
        assertThat(shown.kind()).isEqualTo(EntryKind.STEP);
        assertThat(shown.text()).isEqualTo("督查室确认分工：风险提示：涉及跨县协调；抄送领导：分管副市长、秘书长");
    }

    @Test
    void fieldsTheServiceReadsAndEmptyOnesAreNoExtras() {
        var schema = org.duban.workflow.forms.FormSchema.parse("""
                {"id": "x", "type": "default", "components": [
                  {"label": "确认说明", "type": "textarea", "key": "note", "id": "a"},
                  {"label": "附件", "type": "filepicker", "key": "files", "id": "b"},
                  {"label": "风险提示", "type": "textfield", "key": "riskNote", "id": "c"}]}
                """);
        assertThat(TaskFormService.extraFields(schema, Map.of("note", "x", "files", "y", "riskNote", " "),
                java.util.Set.of("note"))).isNull();
    }
}
