package org.duban.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.catalog.CatalogImportService;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.support.SmallPlans;
import org.duban.workflow.ProcessKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervision office in a real browser: a plan whose year is over has no open cycle, so nobody reports and 销号
 * can never be reached unless someone opens one. The supervisor opens the last cycle with a new due date from the
 * cycles screen, invites a task's lead to apply for closure from the task's page and adds a unit to the task; all
 * land in the database and the processes. The plan (2024, 测试政办字〔2024〕34号) is this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class CyclesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired CatalogImportService imports;
    @Autowired ReportingCycleRepository cycles;
    @Autowired ProgressReportRepository reports;
    @Autowired RuntimeService runtime;
    @Autowired AuditService audit;

    @Test
    void supervisorOpensAPassedCycleAndInvitesClosure() throws Exception {
        Long planId = SmallPlans.importPlan(imports, 2024, 34, true);
        ReportingCycle q4 = cycles.findByPlanIdAndPeriodCode(planId, "2024Q4").orElseThrow();

        try (Browser browser = new Browser(port)) {
            browser.signInAs("supervisor");
            browser.open("cycles?plan=" + planId);
            assertThat(browser.text()).contains("填报周期", "2024Q4", "待开启", "（已过期，需重新指定）", "年度末期");

            browser.click(browser.find(By.id("open-cycle-2024Q4")));
            browser.find(By.id("open-cycle-dialog"));
            assertThat(browser.text()).contains("开启周期 2024Q4", "原定截止日 " + q4.getDueOn() + " 已过");
            Object due = browser.script("return document.getElementById('open-cycle-due').value");
            assertThat(due).asString().matches("\\d{4}-\\d{2}-\\d{2}");
            browser.click(browser.find(By.id("open-cycle-confirm")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> browser.text().contains("周期 2024Q4 已开启，下发 4 份进展填报"));
            assertThat(browser.text()).contains("进行中", "4 份，已审核通过 0 份", "supervisor", "查看台账");
            assertThat(browser.find(By.id("cycle-ledger-2024Q4")).getAttribute("href"))
                    .endsWith("ledger?cycle=" + q4.getId());
            browser.screenshot("cycles-opened");

            assertThat(reports.countByCycleId(q4.getId())).isEqualTo(4);
            ReportingCycle opened = cycles.findById(q4.getId()).orElseThrow();
            assertThat(opened.getDueOn().toString()).isEqualTo(due);
            assertThat(opened.getOpenedBy()).isEqualTo("supervisor");

            // task 1's page: the supervisor invites the lead to apply for closure early
            browser.open("keytask/1?plan=" + planId);
            browser.click(browser.find(By.id("task-invite-closure")));
            browser.click(browser.find(By.cssSelector("[slot='confirm-button']")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> browser.text().contains("已邀请牵头单位申请销号"));
            String instance = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION).processInstanceBusinessKey("2024-T1")
                    .singleResult().getId();
            assertThat(runtime.getVariable(instance, ProcessKeys.VAR_CLOSURE_INVITED)).isEqualTo(true);
            assertThat(audit.trailOf("KeyTask", "2024-T1")).extracting(AuditEvent::getAction, AuditEvent::getActor)
                    .contains(tuple("CLOSURE_INVITED", "supervisor"));
            // offered once: after a reload the button is gone
            browser.open("keytask/1?plan=" + planId);
            assertThat(browser.findAll(By.id("task-invite-closure"))).isEmpty();

            // the office adds 市应急局 as a participating unit, with a reason
            browser.click(browser.find(By.id("task-change-units")));
            WebElement reason = browser.find(By.id("task-units-reason")).findElement(By.tagName("input"));
            reason.sendKeys("涉及安全生产");
            WebElement unit = browser.find(By.id("task-units-add-unit")).findElement(By.tagName("input"));
            unit.sendKeys("市应急局");
            browser.click(browser.find(By.xpath("//vaadin-combo-box-item[normalize-space(.)='市应急局']")));
            assertThat(browser.script("return document.getElementById('task-units-add-unit').value"))
                    .asString().isNotBlank();
            browser.click(browser.find(By.id("task-units-add")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> browser.text().contains("承担单位已调整"));
            assertThat(browser.find(By.id("task-units")).getText()).contains("市应急局");
            assertThat(audit.trailOf("KeyTask", "2024-T1")).extracting(AuditEvent::getAction, AuditEvent::getSummary)
                    .contains(tuple("TASK_UNITS_CHANGED", "涉及安全生产"));
        }
    }
}
