package org.duban.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.review.ReviewTestSteps;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the task detail draws its supervision process with the bpmn-js viewer served by the application
 * (no CDN) and marks the current step; the review list and the review screen render. Screenshots of each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ChromiumCondition.class)
class TaskDetailBrowserTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    @Test
    void processDiagramIsDrawnWithTheCurrentStepMarkedAndTheReviewScreensRender() {
        openCycle("2023Q2");
        ReviewTestSteps steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        ProgressReport report = report(6, "HZGXQ", "2023Q2");
        if (steps.status(report).isEditableByClerk()) {
            steps.submitToReview(report, "高新区：认定高新技术企业4家", 20, 4);
        }
        String reviewTask = steps.taskId(report, "reviewReport");

        try (Browser browser = new Browser(port)) {
            browser.signInAs("kjj.reviewer");
            browser.open("keytask/6?plan=" + seedPlan().getId());
            WebElement diagram = browser.find(By.id("process-diagram"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "true".equals(
                    diagram.getDomAttribute("data-rendered")) || diagram.getDomAttribute("data-error") != null);
            assertThat(diagram.getDomAttribute("data-error")).isNull();
            assertThat(diagram.getDomAttribute("data-active")).isNotBlank();
            assertThat(browser.findAll(By.cssSelector("#process-diagram svg .djs-element"))).isNotEmpty();
            assertThat(browser.findAll(By.cssSelector("#process-diagram .duban-active"))).isNotEmpty();
            assertThat(browser.text()).contains("任务6：强化科技型企业培育", "当前环节");
            browser.screenshot("task-detail");

            browser.open("review");
            assertThat(browser.text()).contains("待本单位审核的报告", "高新技术产业开发区");
            browser.screenshot("review-list");

            browser.open("review/" + reviewTask);
            assertThat(browser.text()).contains("本期报告（2023Q2）", "高新区：认定高新技术企业4家", "审核通过");
            browser.screenshot("review");
        }
    }
}
