package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.KeyTask;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.SupervisionException;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.duban.workflow.forms.FormValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The generic task form on key task 11 (市工业和信息化局 leads; no other test moves its supervision process): the
 * supervisor confirms the assignment on the rendered form, the lead asks for an adjustment, the supervisor rejects
 * it. Values are checked against the deployed form on the server, the owning service's own rules still apply, and
 * nobody outside the step's candidate groups gets the form or may complete it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFormScreenTest extends WorkflowTestSupport {

    private static final Set<String> OWN_SCREENS = Set.of("fillReport", "signOffReport", "reviewReport");

    @LocalServerPort
    int port;

    @Autowired TaskFormService service;

    @Test
    void everyUserTaskWithoutAScreenOfItsOwnIsHandledByTheGenericForm() throws Exception {
        Set<String> steps = new TreeSet<>();
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=");
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = userTask.matcher(Files.readString(file));
                while (m.find()) {
                    steps.add(m.group(1));
                }
            }
        }
        assertThat(steps).hasSizeGreaterThanOrEqualTo(15).containsAll(OWN_SCREENS);
        for (String step : steps) {
            assertThat(TaskFormService.handles(step)).as(step).isEqualTo(!OWN_SCREENS.contains(step));
        }
    }

    @Test
    void assignmentRoundOnTheGenericForm() throws Exception {
        KeyTask t11 = task(11);
        String confirm = step(t11, "confirmAssignment");

        String form = RenderedViews.render(port, "supervisor", "task/" + confirm + "/form");
        assertThat(form).contains("督查室确认分工", "核对牵头单位、参与单位和任务指标后确认下达", "确认说明", "办理完成",
                "重点任务 2023-T11", "任务内容", "task-form-complete", "此环节不保存草稿");
        assertThat(form).doesNotContain("!work.", "task-form-denied", "form-unsupported");

        // the lead unit is not a candidate of the supervisor's step, a county clerk even less
        assertThat(RenderedViews.render(port, "gxj.reviewer", "task/" + confirm + "/form"))
                .contains("task-form-denied", "您无权办理此待办").doesNotContain("确认说明", "task-form-complete");
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> service.complete(confirm, Map.of("note", "越权"))))
                .isInstanceOf(WorkflowAccessException.class);
        assertThat(step(t11, "confirmAssignment")).isEqualTo(confirm);

        actors.as("supervisor", () -> service.complete(confirm, Map.of("note", "分工无误，下达")));
        assertThat(step(t11, "confirmAssignment")).isNull();
        String accept = step(t11, "acceptAssignment");

        assertThat(RenderedViews.render(port, "gxj.reviewer", "task/" + accept + "/form"))
                .contains("牵头单位接收任务", "接收意见", "调整理由（申请调整时必填）").doesNotContain("!work.",
                        "task-form-denied");
        assertThat(RenderedViews.render(port, "supervisor", "task/" + accept + "/form")).contains("task-form-denied");

        // the form's own rules, on the server: an option the form does not offer, a reason longer than it allows
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> service.complete(accept,
                Map.of("decision", "MAYBE"))))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.key()).containsExactly("decision"));
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> service.complete(accept,
                Map.of("decision", "REQUEST_ADJUSTMENT", "reason", "长".repeat(1001)))))
                .isInstanceOf(FormValidationException.class);
        // the owning service's rule: an adjustment needs a reason
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> service.complete(accept,
                Map.of("decision", "REQUEST_ADJUSTMENT"))))
                .isInstanceOf(SupervisionException.class).hasMessageContaining("调整理由");
        assertThat(step(t11, "acceptAssignment")).isEqualTo(accept);

        Map<String, Object> request = new HashMap<>();
        request.put("decision", "REQUEST_ADJUSTMENT");
        request.put("reason", "技改项目统计口径在市统计局");
        actors.as("gxj.reviewer", () -> service.complete(accept, request));
        String decide = step(t11, "decideAdjustment");

        assertThat(RenderedViews.render(port, "supervisor", "task/" + decide + "/form"))
                .contains("督查室审定调整申请", "调整理由", "技改项目统计口径在市统计局", "gxj.reviewer", "审定意见");
        actors.as("supervisor", () -> service.complete(decide, Map.of("decision", "REJECT", "note", "维持原分工")));
        assertThat(step(t11, "decideAdjustment")).isNull();
        assertThat(step(t11, "acceptAssignment")).isNotNull();
    }

    @Test
    void aStepWithAScreenOfItsOwnIsNotOpenedHere() {
        openCycle("2023Q2");
        Task fill = taskOf(report(11, "YUNCHENG", "2023Q2"), "fillReport");
        assertThatThrownBy(() -> actors.as("yuncheng.clerk", () -> service.open(fill.getId())))
                .isInstanceOf(WorkflowAccessException.class).hasMessageContaining("fillReport");
    }

    private String step(KeyTask keyTask, String activityId) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(keyTask.getCode())
                .taskDefinitionKey(activityId).list();
        assertThat(open).hasSizeLessThanOrEqualTo(1);
        return open.isEmpty() ? null : open.get(0).getId();
    }
}
