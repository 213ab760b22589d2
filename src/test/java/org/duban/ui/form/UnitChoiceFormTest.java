package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.CatalogImportService;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.PlanRepository;
import org.duban.inbox.TaskForm;
import org.duban.inbox.TaskFormService;
import org.duban.org.Role;
import org.duban.support.Actors;
import org.duban.support.RenderedViews;
import org.duban.support.SmallPlans;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervisor's decision on an adjustment chooses the new primary lead from the unit registry (the form's select
 * names its options by {@code valuesKey: unitOptions}) instead of typing a name: the options are every unit, a value
 * outside them is refused by the server, the chosen unit becomes the primary lead. The plan (2029, 测试政办字〔2029〕36号)
 * is this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitChoiceFormTest {

    @LocalServerPort
    int port;

    @Autowired TaskFormService forms;
    @Autowired CatalogImportService imports;
    @Autowired PlanRepository plans;
    @Autowired KeyTaskRepository tasks;
    @Autowired TaskService taskService;
    @Autowired UserDetailsService users;
    @Autowired TransactionTemplate tx;

    @Test
    void theNewPrimaryLeadIsChosenFromTheRegistry() throws Exception {
        Actors actors = new Actors(users);
        Long planId = SmallPlans.importPlan(imports, 2029, 36, false);
        actors.as("supervisor", () -> forms.complete(step("confirmAssignment").getId(), Map.of()));
        Actors.as(Actors.of("SWJ", Role.REVIEWER), () -> forms.complete(step("acceptAssignment").getId(),
                Map.of("decision", "REQUEST_ADJUSTMENT", "reason", "资金统筹由市财政局牵头更合适")));
        String decide = step("decideAdjustment").getId();

        TaskForm screen = actors.as("supervisor", () -> forms.open(decide));
        FormField choice = screen.schema().field("newPrimaryLead").orElseThrow();
        assertThat(choice.searchable()).isTrue();
        assertThat(choice.options()).extracting(FormField.Option::value).contains("市财政局", "市自然资源和规划局", "曹县")
                .hasSizeGreaterThan(40);
        assertThat(RenderedViews.render(port, "supervisor", "task/" + decide + "/form"))
                .contains("vaadin-combo-box", "新的主牵头单位（同意调整时选择）");

        assertThatThrownBy(() -> actors.as("supervisor", () -> forms.complete(decide, Map.of("decision", "APPROVE",
                "newPrimaryLead", "不存在的局")))).isInstanceOfSatisfying(FormValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.key()).containsExactly("newPrimaryLead"));
        actors.as("supervisor", () -> forms.complete(decide, Map.of("decision", "APPROVE", "newPrimaryLead", "市财政局",
                "note", "同意")));

        List<org.assertj.core.groups.Tuple> roles = tx.execute(s -> tasks.findByPlanAndNumber(
                plans.findById(planId).orElseThrow(), 1).orElseThrow().getAssignments().stream()
                .map(a -> tuple(a.getUnit().getCode(), a.getRole())).toList());
        assertThat(roles).contains(tuple("CZJ", AssignmentRole.PRIMARY_LEAD), tuple("SWJ", AssignmentRole.LEAD));
    }

    private Task step(String activityId) {
        return taskService.createTaskQuery().processInstanceBusinessKey("2029-T1").taskDefinitionKey(activityId)
                .singleResult();
    }
}
