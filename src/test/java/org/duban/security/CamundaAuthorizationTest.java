package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's own authorization checks are on. Anyone the engine knows as its current user (what {@code /engine-rest}
 * and Cockpit set) is held to the candidate groups of each task: a county clerk sees and completes only tasks offered
 * to its unit, and reads no process definitions; Duban's ADMIN group is an engine admin group. Duban's services call
 * the engine without an engine user and enforce the same rules themselves (see docs/security.md).
 */
class CamundaAuthorizationTest extends WorkflowTestSupport {

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;

    @AfterEach
    void signOutOfTheEngine() {
        identityService.clearAuthentication();
    }

    private void engineUser(String username, String unitCode, Role... roles) {
        identityService.setAuthentication(username, CandidateGroups.forUser(unitCode, java.util.Set.of(roles)));
    }

    @Test
    void authorizationChecksAreOn() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    }

    @Test
    void anEngineUserSeesAndCompletesOnlyItsOwnUnitsTasks() {
        var cycle = openCycle("2023Q2");
        // a task both counties report on, untouched so far (the last such in the plan)
        var all = tx.execute(s -> reports.findByCycleId(cycle.getId()));
        Long taskId = all.stream().filter(r -> r.getUnit().getCode().equals("SHANXIAN"))
                .filter(r -> r.getStatus() == org.duban.reporting.ReportStatus.NOT_STARTED)
                .map(r -> r.getTask().getId())
                .filter(t -> all.stream().anyMatch(r -> r.getTask().getId().equals(t)
                        && r.getUnit().getCode().equals("CAOXIAN")
                        && r.getStatus() == org.duban.reporting.ReportStatus.NOT_STARTED))
                .max(Long::compare).orElseThrow();
        ProgressReport caoxian = reload(all.stream().filter(r -> r.getTask().getId().equals(taskId)
                && r.getUnit().getCode().equals("CAOXIAN")).findFirst().orElseThrow());
        ProgressReport shanxian = reload(all.stream().filter(r -> r.getTask().getId().equals(taskId)
                && r.getUnit().getCode().equals("SHANXIAN")).findFirst().orElseThrow());
        Task own = taskOf(caoxian, "fillReport");
        Task foreign = taskOf(shanxian, "fillReport");
        assertThat(own).isNotNull();
        assertThat(foreign).isNotNull();

        engineUser("caoxian.clerk", "CAOXIAN", Role.CLERK);
        List<Task> visible = taskService.createTaskQuery().taskDefinitionKey("fillReport").list();
        assertThat(visible).extracting(Task::getId).contains(own.getId()).doesNotContain(foreign.getId());
        assertThat(taskService.createTaskQuery().taskCandidateGroup("SHANXIAN.CLERK").count()).isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
        assertThatThrownBy(() -> taskService.complete(foreign.getId())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.setAssignee(foreign.getId(), "caoxian.clerk"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtimeService.deleteProcessInstance(shanxian.getProcessInstanceId(), "attack"))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        // nothing changed
        assertThat(taskOf(shanxian, "fillReport").getAssignee()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(shanxian.getProcessInstanceId())
                .count()).isEqualTo(1);
    }

    @Test
    void adminsAreEngineAdmins() {
        openCycle("2023Q2");
        engineUser("admin", "SZFBGS", Role.ADMIN);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
        assertThat(taskService.createTaskQuery().taskCandidateGroup("SHANXIAN.CLERK").count()).isPositive();
        Task created = taskService.newTask("security-admin-probe");
        taskService.saveTask(created);
        taskService.deleteTask(created.getId(), true);
    }

    @Test
    void aSupervisorHasNoEngineRightsOfItsOwn() {
        openCycle("2023Q2");
        engineUser("supervisor", "DCS", Role.SUPERVISOR);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }
}
