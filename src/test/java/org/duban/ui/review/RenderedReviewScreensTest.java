package org.duban.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.review.ReviewTestSteps;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review screens and the task detail rendered by the real server, without a browser: the lead unit's reviewer
 * sees the reports of tasks 市科技局 leads, opens one beside the previous cycle, and the task detail loads the bpmn-js
 * viewer served from the application; a county clerk is refused the review routes and has no menu entry for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenderedReviewScreensTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    ReviewTestSteps steps;
    ProgressReport waiting;

    @BeforeEach
    void aReportAwaitsKjjReview() {
        steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        openCycle("2023Q2");
        waiting = report(6, "HZKFQ", "2023Q2");
        if (steps.status(waiting).isEditableByClerk()) {
            steps.submitToReview(waiting, "经开区：认定高新技术企业7家", 30, 7);
        }
    }

    @Test
    void reviewerSeesTheQueueOfTasksKjjLeads() throws Exception {
        String view = RenderedViews.signIn(port, "kjj.reviewer").render("review");

        assertThat(view).contains("待本单位审核的报告", "批量通过", "open-" + waiting.getBusinessKey(),
                "任务6：强化科技型企业培育", "菏泽经济技术开发区", "2023Q2", "第1次报送");
        assertThat(view).doesNotContain("!review.", "!task.");
    }

    @Test
    void reviewerOpensTheReportBesideThePreviousCycleWithEveryOperation() throws Exception {
        String taskId = steps.taskId(waiting, "reviewReport");
        String view = RenderedViews.signIn(port, "kjj.reviewer").render("review/" + taskId);

        assertThat(view).contains("任务6：强化科技型企业培育", "本期报告（2023Q2）", "上期报告", "经开区：认定高新技术企业7家",
                "指标：目标值与填报完成值", "审核通过", "退回", "理由（退回时必填）", "comment-narrative", "抄送：",
                "转办", "委派", "加签");
        assertThat(view).doesNotContain("!review.", "review-refused");
    }

    @Test
    void countyClerkIsRefusedTheReviewRoutesAndSeesNoMenuEntry() throws Exception {
        String taskId = steps.taskId(waiting, "reviewReport");
        RenderedViews.Session clerk = RenderedViews.signIn(port, "caoxian.clerk");

        assertThat(clerk.render("review")).contains("Could not navigate to 'review'")
                .doesNotContain("待本单位审核的报告", waiting.getBusinessKey());
        assertThat(clerk.render("review/" + taskId)).contains("Could not navigate to 'review/" + taskId + "'")
                .doesNotContain("经开区：认定高新技术企业7家", "审核通过");
        assertThat(clerk.render("")).doesNotContain("报告审核");
        assertThat(RenderedViews.signIn(port, "kjj.reviewer").render("")).contains("报告审核");
        // a reviewer of another unit reaches the route but the service refuses the task
        assertThat(RenderedViews.signIn(port, "gxj.reviewer").render("review/" + taskId))
                .contains("review-refused").doesNotContain("经开区：认定高新技术企业7家");
    }

    @Test
    void taskDetailLoadsTheBpmnViewerServedByTheApplication() throws Exception {
        RenderedViews.Session reviewer = RenderedViews.signIn(port, "kjj.reviewer");
        String view = reviewer.render("keytask/6?plan=" + seedPlan().getId());

        assertThat(view).contains("任务6：强化科技型企业培育", "牵头单位：市科技局", "指标与进度", "时间线", "process-diagram",
                "bpmn-js/bpmn-navigated-viewer.production.min.js", "duban/process-diagram.js",
                "DubanProcessDiagram", "keyTaskSupervision", "当前环节", "报送进展（第1次）");
        assertThat(view).doesNotContain("!task.", "!review.");

        HttpResponse<String> script = reviewer.getText("/bpmn-js/bpmn-navigated-viewer.production.min.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("BpmnJS");
        assertThat(reviewer.getText("/bpmn-js/assets/bpmn-js.css").statusCode()).isEqualTo(200);
        assertThat(reviewer.getText("/duban/process-diagram.js").body()).contains("window.DubanProcessDiagram");

        assertThat(RenderedViews.signIn(port, "gxj.reviewer").render("keytask/6?plan=" + seedPlan().getId()))
                .contains("没有此任务，或您的单位不承担此任务").doesNotContain("process-diagram");
    }
}
