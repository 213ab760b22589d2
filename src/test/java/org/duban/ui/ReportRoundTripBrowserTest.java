package org.duban.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import org.camunda.bpm.engine.task.Task;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 4's scenario in a real browser: a county clerk submits a report, the county leader signs it off, the lead
 * unit's reviewer returns it with a reason, the clerk sees the reason, fixes and resubmits, the reviewer approves, and
 * the supervisor sees the ledger updated. Also what a user of another county and a clerk must not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class ReportRoundTripBrowserTest extends WorkflowTestSupport {

    private static final String REASON = "请补充本季度投资完成数据";

    @LocalServerPort
    int port;


    @Test
    void clerkSubmitsReviewerReturnsClerkFixesReviewerApprovesSupervisorSeesTheLedger() {
        ProgressReport report = untouchedReport("YUNCHENG", "KJJ");
        String title = report.getTask().getTitle();

        try (Browser clerk = new Browser(port); Browser leader = new Browser(port);
                Browser reviewer = new Browser(port); Browser others = new Browser(port)) {
            clerk.signInAs("yuncheng.clerk");
            clerk.open("inbox");
            clerk.screenshot("inbox-clerk");
            clerk.open("report/" + report.getId());
            assertThat(clerk.text()).contains(title, "郓城县");
            type(clerk, "field-narrative", "textarea", "完成项目签约3个，开工2个");
            type(clerk, "field-percentDone", "input", "60");
            clerk.screenshot("report-form");
            clerk.click(clerk.find(By.id("submit")));
            waitForStatus(report, ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW);

            leader.signInAs("yuncheng.leader");
            signOff(leader, report);

            // what others must not see: another county's clerk, and a clerk on the review screen
            others.signInAs("shanxian.clerk");
            others.open("report/" + report.getId());
            assertThat(others.find(By.id("report-denied")).isDisplayed()).isTrue();
            assertThat(others.text()).doesNotContain("完成项目签约3个");
            others.open("review/" + engineTask(report, "reviewReport").getId());
            assertThat(others.findAll(By.id("review-approve"))).isEmpty();
            assertThat(others.text()).doesNotContain("完成项目签约3个");

            reviewer.signInAs("kjj.reviewer");
            reviewer.open("review/" + engineTask(report, "reviewReport").getId());
            assertThat(reviewer.text()).contains("完成项目签约3个");
            reviewer.screenshot("review");
            type(reviewer, "review-reason", "textarea", REASON);
            reviewer.click(reviewer.find(By.id("review-return")));
            waitForStatus(report, ReportStatus.RETURNED);

            clerk.open("report/" + report.getId());
            assertThat(clerk.find(By.id("return-reason")).getText()).contains(REASON);
            clerk.screenshot("report-returned");
            type(clerk, "field-narrative", "textarea", "完成项目签约3个，开工2个，完成投资4.2亿元");
            clerk.click(clerk.find(By.id("submit")));
            waitForStatus(report, ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW);
            signOff(leader, report);

            reviewer.open("review/" + engineTask(report, "reviewReport").getId());
            assertThat(reviewer.text()).contains("完成投资4.2亿元", "自退回以来的修改");
            reviewer.screenshot("review-resubmitted");
            reviewer.click(reviewer.find(By.id("review-approve")));
            waitForStatus(report, ReportStatus.APPROVED);
        }

        ProgressReport done = reports.findById(report.getId()).orElseThrow();
        assertThat(done.getReturnCount()).isEqualTo(1);

        try (Browser supervisor = new Browser(port)) {
            supervisor.signInAs("supervisor");
            supervisor.open("ledger");
            supervisor.click(supervisor.find(By.xpath("//vaadin-select[label[normalize-space(.)='报送周期']]")));
            supervisor.click(supervisor.find(By.xpath("//vaadin-select-item[contains(., '2023Q2')]")));
            choose(supervisor, "责任单位", "郓城县");
            supervisor.screenshot("ledger-supervisor");
            new WebDriverWait(supervisor.driver(), Duration.ofSeconds(30))
                    .until(d -> supervisor.text().contains(title));
            assertThat(supervisor.text()).contains(title, "郓城县");
        }
    }

    /** Picks an item of the Vaadin combo box with that label by typing it and pressing Enter. */
    private static void choose(Browser browser, String label, String item) {
        WebElement input = browser.find(By.xpath("//vaadin-combo-box[label[normalize-space(.)='" + label + "']]"))
                .findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(item);
        browser.waitForVaadin();
        input.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
    }

    private void signOff(Browser leader, ProgressReport report) {
        leader.open("report/" + report.getId());
        leader.click(leader.find(By.id("sign-off-approve")));
        waitForStatus(report, ReportStatus.AWAITING_REVIEW);
    }

    private static void type(Browser browser, String id, String inner, String text) {
        WebElement field = browser.find(By.id(id)).findElement(By.tagName(inner));
        // select what is there and type over it; leaving the field (TAB) sends the value to the server
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }

    private void waitForStatus(ProgressReport report, ReportStatus... expected) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ReportStatus now;
        while (!java.util.List.of(expected).contains(now = reports.findById(report.getId()).orElseThrow().getStatus())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("report " + report.getBusinessKey() + " is " + now + ", expected one of "
                        + java.util.List.of(expected));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Task engineTask(ProgressReport report, String activityId) {
        String instance = reports.findById(report.getId()).orElseThrow().getProcessInstanceId();
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activityId).singleResult();
    }

    /**
     * A 2023Q2 report of that county on a task the lead unit reviews, not started, and not one other tests use
     * (tasks 2 and 19 of 郓城县 are KeyTaskFlowTest's and CoordinationFlowTest's; all contexts share one database).
     */
    private ProgressReport untouchedReport(String unit, String reviewer) {
        ReportingCycle q2 = openCycle("2023Q2");
        return tx.execute(s -> {
            ProgressReport found = reports.findByCycleId(q2.getId()).stream()
                    .filter(r -> r.getUnit().getCode().equals(unit) && r.getReviewerUnit().getCode().equals(reviewer))
                    .filter(r -> r.getStatus() == ReportStatus.NOT_STARTED)
                    .filter(r -> r.getTask().getNumber() != 2 && r.getTask().getNumber() != 19)
                    .min(Comparator.comparing(r -> r.getTask().getNumber()))
                    .orElseThrow(() -> new AssertionError("no untouched " + unit + " report reviewed by " + reviewer));
            found.getTask().getTitle();
            return found;
        });
    }
}
