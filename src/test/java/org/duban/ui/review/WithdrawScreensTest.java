package org.duban.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duban.inbox.WithdrawalService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewService;
import org.duban.review.ReviewTestSteps;
import org.duban.support.RenderedViews;
import org.duban.workflow.TaskOperations;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 撤回 on the screens, on 单县's report on task 3 (市科技局 reviews; no other test touches it): the clerk finds her
 * submitted report in the inbox while nobody has taken it up and withdraws it there; the reviewer saw that it could
 * still be withdrawn and, opening the vanished review, learns who withdrew it; once the reviewer has claimed the
 * review the report can no longer be withdrawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WithdrawScreensTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired WithdrawalService withdrawals;
    @Autowired TaskOperations operations;

    @Test
    void clerkWithdrawsFromTheInboxAndTheReviewerSeesItWasWithdrawn() throws Exception {
        openCycle("2023Q2");
        ReviewTestSteps steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        ProgressReport report = report(3, "SHANXIAN", "2023Q2");
        steps.submitToReview(report, "单县：申报省级基础研究项目2项", 35, null);
        String review = steps.taskId(report, "reviewReport");

        assertThat(RenderedViews.render(port, "kjj.reviewer", "review/" + review))
                .contains("review-still-withdrawable", "尚无人开始审核此报告，报送单位仍可撤回", "审核通过");

        List<WithdrawalService.Submitted> mine = actors.as("shanxian.clerk", withdrawals::submittedByMyUnit);
        assertThat(mine).filteredOn(s -> s.reportId().equals(report.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(ReportStatus.AWAITING_REVIEW);
                    assertThat(s.withdrawable()).isTrue();
                    assertThat(s.takenUpBy()).isNull();
                });
        assertThat(actors.as("caoxian.clerk", withdrawals::submittedByMyUnit))
                .noneMatch(s -> s.reportId().equals(report.getId()));
        assertThat(actors.as("kjj.reviewer", withdrawals::submittedByMyUnit)).isEmpty();
        assertThat(RenderedViews.render(port, "shanxian.clerk", "inbox")).contains("inbox-submitted",
                "已报送、待对方办理", "withdraw-" + report.getId(), "对方尚未开始办理，仍可撤回", "2023-T3");
        assertThat(RenderedViews.render(port, "caoxian.clerk", "inbox")).doesNotContain("withdraw-"
                + report.getId());

        // another county's clerk may not take it back
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> withdrawals.withdraw(report.getId(), null)))
                .isInstanceOf(RuntimeException.class);
        actors.as("shanxian.clerk", () -> withdrawals.withdraw(report.getId(), "补充指标数据"));
        assertThat(steps.status(report)).isEqualTo(ReportStatus.DRAFT);
        assertThat(taskService.createTaskQuery().taskId(review).count()).isZero();

        String vanished = RenderedViews.render(port, "kjj.reviewer", "review/" + review);
        assertThat(vanished).contains("review-withdrawn", "已由 shanxian.clerk", "撤回，退回报送单位", "2023-T3")
                .doesNotContain("review-refused", "审核通过", "!review.");
        assertThat(RenderedViews.render(port, "gxj.reviewer", "review/" + review)).contains("review-refused")
                .doesNotContain("review-withdrawn", "shanxian.clerk");
        assertThat(RenderedViews.render(port, "shanxian.clerk", "inbox")).doesNotContain("withdraw-"
                + report.getId());

        // submitted again and taken up by the reviewer: no longer withdrawable, anywhere
        steps.submitToReview(report, "单县：申报省级基础研究项目2项，已补充数据", 40, null);
        String again = steps.taskId(report, "reviewReport");
        actors.as("kjj.reviewer", () -> operations.claim(again));
        assertThat(actors.as("shanxian.clerk", withdrawals::submittedByMyUnit))
                .filteredOn(s -> s.reportId().equals(report.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.withdrawable()).isFalse();
                    assertThat(s.takenUpBy()).isEqualTo("kjj.reviewer");
                });
        assertThat(RenderedViews.render(port, "shanxian.clerk", "inbox")).contains("kjj.reviewer 已开始办理")
                .doesNotContain("withdraw-" + report.getId());
        assertThat(RenderedViews.render(port, "kjj.reviewer", "review/" + again))
                .doesNotContain("review-still-withdrawable");
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> withdrawals.withdraw(report.getId(), null)))
                .isInstanceOf(WorkflowAccessException.class).hasMessageContaining("kjj.reviewer");
    }
}
