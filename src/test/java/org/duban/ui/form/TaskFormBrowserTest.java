package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.KeyTask;
import org.duban.inbox.TaskFormService;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The generic task form in a real browser, on key task 12 (市工业和信息化局 leads; no other test moves its process):
 * the lead's reviewer opens 牵头单位接收任务 from the inbox, is asked before leaving with unsaved input, accepts the
 * task, and lands back in the inbox while the process moves on to the work plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class TaskFormBrowserTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @Autowired TaskFormService service;

    @Test
    void leadOpensTheStepFromTheInboxAndAcceptsTheTask() {
        KeyTask t12 = task(12);
        actors.as("supervisor", () -> service.complete(step(t12, "confirmAssignment").getId(), Map.of()));
        String accept = step(t12, "acceptAssignment").getId();

        try (Browser lead = new Browser(port)) {
            lead.signInAs("gxj.reviewer");
            lead.open("inbox");
            lead.click(lead.find(By.id("open-" + accept)));
            new WebDriverWait(lead.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().endsWith("/task/" + accept + "/form"));
            lead.find(By.id("task-form"));
            assertThat(lead.text()).contains("牵头单位接收任务", "2023-T12", "接收任务", "申请调整分工");
            lead.screenshot("task-form");

            WebElement reason = lead.find(By.id("field-reason")).findElement(By.tagName("textarea"));
            reason.sendKeys("先写下想法");
            reason.sendKeys(Keys.TAB);
            lead.waitForVaadin();
            lead.click(lead.find(By.id("back-to-inbox")));
            assertThat(lead.script("return arguments[0].opened", lead.find(By.id("leave-dialog")))).isEqualTo(true);
            lead.click(lead.button("留在本页"));
            assertThat(lead.currentUrl()).endsWith("/task/" + accept + "/form");

            lead.click(lead.find(By.id("task-form-complete")));
            // the decision is required by the form: nothing is sent, the step stays open
            assertThat(step(t12, "acceptAssignment").getId()).isEqualTo(accept);

            WebElement acceptOption = lead.find(By.xpath("//vaadin-radio-button[normalize-space(.)='接收任务']"));
            lead.click(acceptOption.findElement(By.tagName("input")));
            lead.click(lead.find(By.id("task-form-complete")));
            new WebDriverWait(lead.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/inbox"));
        }
        assertThat(step(t12, "acceptAssignment")).isNull();
        assertThat(step(t12, "draftWorkPlan")).isNotNull();
    }

    private Task step(KeyTask keyTask, String activityId) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(keyTask.getCode())
                .taskDefinitionKey(activityId).list();
        return open.isEmpty() ? null : open.get(0);
    }
}
