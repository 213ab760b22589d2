package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.TaskAssignment;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.SupervisionException;
import org.duban.supervision.WorkPlanRepository;
import org.duban.supervision.WorkPlanSheet;
import org.duban.supervision.WorkPlanShare;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.workflow.WorkflowTestSupport;
import org.duban.workflow.forms.FormValidationException;
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
 * The work plan's split in a real browser, on key task 5 (市科技局 leads with 市工业和信息化局; 市生态环境局 and every
 * county and zone take part; five indicators; no other test moves its process): the lead's reviewer splits the first
 * indicator between 曹县 and 单县 and has 市工业和信息化局 review 曹县, and the shares and the reviewer land in the
 * database. Bad values through the service are refused row by row with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class WorkPlanBrowserTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @Autowired TaskFormService service;
    @Autowired WorkPlanRepository workPlans;

    @Test
    void leadSplitsAnIndicatorAndChoosesAReviewer() {
        KeyTask t5 = task(5);
        actors.as("supervisor", () -> service.complete(keyTaskStep(t5, "confirmAssignment").getId(), Map.of()));
        actors.as("kjj.reviewer", () -> service.complete(keyTaskStep(t5, "acceptAssignment").getId(),
                Map.of("decision", "ACCEPT")));
        String draft = keyTaskStep(t5, "draftWorkPlan").getId();

        WorkPlanSheet sheet = actors.as("kjj.reviewer", () -> service.workPlanSheet(draft));
        assertThat(sheet.indicators()).hasSize(5);
        assertThat(sheet.leads()).extracting(WorkPlanSheet.UnitRef::name).containsExactly("市科技局", "市工业和信息化局");
        assertThat(sheet.reporting()).extracting(WorkPlanSheet.UnitRef::name)
                .contains("市工业和信息化局", "市生态环境局", "曹县", "单县").doesNotContain("市科技局");
        assertThat(sheet.reviewers()).containsEntry("CAOXIAN", "KJJ");
        Long first = sheet.indicators().get(0).id();

        // refused as a whole: a negative share, a unit reviewing itself; nothing is stored, the step stays
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> service.complete(draft, Map.of("milestones", "x",
                TaskFormService.WORK_PLAN_SHARES, List.of(Map.of("indicatorId", first, "unitCode", "CAOXIAN",
                        "value", "-3"))))))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.key()).containsExactly("workPlanShares[1]"));
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> service.complete(draft, Map.of("milestones", "x",
                TaskFormService.WORK_PLAN_REVIEWERS, Map.of("GXJ", "GXJ")))))
                .isInstanceOf(SupervisionException.class).hasMessageContaining("不能审核本单位");
        Integer sharesStored = tx.execute(s -> workPlans.findByTaskId(t5.getId()).map(p -> p.getShares().size())
                .orElse(0));
        assertThat(sharesStored).isZero();
        assertThat(keyTaskStep(t5, "draftWorkPlan").getId()).isEqualTo(draft);

        try (Browser lead = new Browser(port)) {
            lead.signInAs("kjj.reviewer");
            lead.open("task/" + draft + "/form");
            lead.find(By.id("work-plan-shares"));
            assertThat(lead.text()).contains("指标分解与审核单位", "审核单位", "（目标 10项）");

            type(lead, "field-milestones", "6月底前下达10项突破计划项目", "textarea");
            type(lead, "share-" + first + "-CAOXIAN", "3", "input");
            type(lead, "share-" + first + "-SHANXIAN", "2", "input");
            new WebDriverWait(lead.driver(), Duration.ofSeconds(10)).until(d -> lead.text().contains("5项（目标 10项）"));
            lead.click(lead.find(By.id("reviewer-CAOXIAN")));
            lead.click(lead.find(By.xpath("//vaadin-select-item[normalize-space(.)='市工业和信息化局']")));
            lead.screenshot("work-plan-split");

            lead.click(lead.find(By.id("task-form-complete")));
            new WebDriverWait(lead.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/inbox"));
        }
        assertThat(keyTaskStep(t5, "draftWorkPlan")).isNull();
        tx.executeWithoutResult(s -> {
            assertThat(workPlans.findByTaskId(t5.getId()).orElseThrow().getShares())
                    .extracting(share -> share.getIndicator().getId(), share -> share.getUnit().getCode(),
                            WorkPlanShare::getValue)
                    .containsExactlyInAnyOrder(tuple(first, "CAOXIAN", new BigDecimal("3.0000")),
                            tuple(first, "SHANXIAN", new BigDecimal("2.0000")));
            KeyTask stored = keyTasks.findById(t5.getId()).orElseThrow();
            assertThat(stored.getAssignments()).filteredOn(a -> a.getRole() != AssignmentRole.PRIMARY_LEAD)
                    .filteredOn(a -> List.of("CAOXIAN", "SHANXIAN").contains(a.getUnit().getCode()))
                    .extracting(a -> a.getUnit().getCode(), (TaskAssignment a) -> a.getReviewerUnit().getCode())
                    .containsExactlyInAnyOrder(tuple("CAOXIAN", "GXJ"), tuple("SHANXIAN", "KJJ"));
        });
    }

    private static void type(Browser browser, String id, String text, String inputTag) {
        WebElement input = browser.find(By.id(id)).findElement(By.tagName(inputTag));
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }
}
