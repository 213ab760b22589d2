package org.duban.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.duban.catalog.Indicator;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewQueries.FieldChange;
import org.duban.review.ReviewQueries.IndicatorLine;
import org.duban.review.ReviewQueries.ReviewItem;
import org.duban.review.ReviewQueries.ReviewScreen;
import org.duban.review.ReviewService.BulkResult;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lead unit's review queries on the seed plan (task 6, 市科技局 leads, every county reports): the report beside
 * the previous cycle's, the diff after a return, the paged queue and bulk approval, and refusals for other units.
 * Counties without demo users act through stand-ins, so other test classes' reports stay untouched.
 */
class ReviewQueriesTest extends WorkflowTestSupport {

    @Autowired ReviewQueries queries;
    @Autowired ReviewService reviewService;
    @Autowired ReportService reportService;

    ReviewTestSteps steps;

    @BeforeEach
    void cyclesOpen() {
        steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        openCycle("2023Q1");
        openCycle("2023Q2");
    }

    @Test
    void reportIsShownBesideTheSameUnitsPreviousCycleWithTargetsAndActuals() {
        ProgressReport q1 = report(6, "DINGTAO", "2023Q1");
        ProgressReport q2 = report(6, "DINGTAO", "2023Q2");
        steps.submitToReview(q1, "一季度：认定高新技术企业30家", 30, 30);
        actors.as("kjj.reviewer", () -> reviewService.review(steps.taskId(q1, "reviewReport"),
                ReviewOutcome.APPROVE, null, Map.of()));
        steps.submitToReview(q2, "二季度：认定高新技术企业累计62家", 60, 62);
        String review = steps.taskId(q2, "reviewReport");

        ReviewScreen screen = actors.as("kjj.reviewer", () -> queries.open(review));

        assertThat(screen.mode()).isEqualTo(ReviewQueries.Mode.REVIEW);
        assertThat(screen.actionable()).isTrue();
        assertThat(screen.taskNumber()).isEqualTo(6);
        assertThat(screen.unitName()).isEqualTo("定陶区");
        assertThat(screen.current().periodCode()).isEqualTo("2023Q2");
        assertThat(screen.current().narrative()).isEqualTo("二季度：认定高新技术企业累计62家");
        assertThat(screen.previous()).isNotNull();
        assertThat(screen.previous().periodCode()).isEqualTo("2023Q1");
        assertThat(screen.previous().status()).isEqualTo("APPROVED");
        assertThat(screen.previous().narrative()).isEqualTo("一季度：认定高新技术企业30家");
        Indicator first = steps.firstIndicator(q2);
        IndicatorLine line = screen.indicators().get(0);
        assertThat(line.indicatorId()).isEqualTo(first.getId());
        assertThat(line.target()).isEqualByComparingTo(first.getTargetValue());
        assertThat(line.actual()).isEqualByComparingTo("62");
        assertThat(line.previousActual()).isEqualByComparingTo("30");
        assertThat(screen.changes()).as("first submission: nothing to compare").isEmpty();
        assertThat(screen.colleagues()).extracting(ReviewQueries.Colleague::username)
                .contains("kjj.leader", "kjj.clerk").doesNotContain("kjj.reviewer");

        assertThat(actors.as("kjj.reviewer", () -> queries.previousCycle(q2.getId()))).get()
                .extracting(ReviewQueries.ReportView::reportId).isEqualTo(q1.getId());
        assertThat(actors.as("kjj.reviewer", () -> queries.previousCycle(q1.getId()))).isEmpty();
    }

    @Test
    void resubmittedReportShowsWhatChangedSinceTheReturnedVersion() {
        ProgressReport report = report(6, "JUYE", "2023Q2");
        steps.submitToReview(report, "已认定高新技术企业10家", 40, 10);
        actors.as("kjj.reviewer", () -> reviewService.review(steps.taskId(report, "reviewReport"),
                ReviewOutcome.RETURN_TO_CLERK, "请写明企业名单", Map.of("narrative", "列出企业名称",
                        "indicators." + steps.firstIndicator(report).getId(), "核对认定数")));
        assertThat(steps.status(report)).isEqualTo(ReportStatus.RETURNED);

        steps.submitToReview(report, "已认定甲、乙等高新技术企业12家", 40, 12);
        ReviewScreen screen = actors.as("kjj.reviewer", () -> queries.open(steps.taskId(report, "reviewReport")));

        assertThat(screen.current().revision()).isEqualTo(2);
        assertThat(screen.changes()).extracting(FieldChange::field, FieldChange::indicator, FieldChange::before,
                FieldChange::after).containsExactlyInAnyOrder(
                        tuple("narrative", null, "已认定高新技术企业10家", "已认定甲、乙等高新技术企业12家"),
                        tuple("actual", steps.firstIndicator(report).getPhrase(), "10", "12"));
        assertThat(screen.decisions()).filteredOn(d -> d.stage() == ReviewDecision.Stage.REVIEW).last()
                .satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(ReviewDecision.Outcome.RETURNED_TO_CLERK);
            assertThat(d.reason()).isEqualTo("请写明企业名单");
            assertThat(d.fieldComments()).containsEntry("narrative", "列出企业名称").hasSize(2);
        });
        assertThat(actors.as("kjj.reviewer", () -> queries.changesSinceReturn(report.getId())))
                .isEqualTo(screen.changes());
    }

    @Test
    void reviewerSeesTheUnitsQueuePageByPageAndApprovesSeveralAtOnce() {
        ProgressReport chengwu = report(6, "CHENGWU", "2023Q2");
        ProgressReport dongming = report(6, "DONGMING", "2023Q2");
        steps.submitToReview(chengwu, "成武：已认定8家", 30, 8);
        steps.submitToReview(dongming, "东明：已认定5家", 25, 5);

        long waiting = actors.as("kjj.reviewer", () -> queries.countAwaitingMyReview());
        assertThat(waiting).isGreaterThanOrEqualTo(2);
        List<ReviewItem> all = actors.as("kjj.reviewer", () -> queries.awaitingMyReview(0, (int) waiting));
        assertThat(all).hasSize((int) waiting);
        assertThat(all).extracting(ReviewItem::businessKey).contains(chengwu.getBusinessKey(),
                dongming.getBusinessKey());
        List<ReviewItem> firstPage = actors.as("kjj.reviewer", () -> queries.awaitingMyReview(0, 1));
        assertThat(firstPage).hasSize(1).first().isEqualTo(all.get(0));
        ReviewItem item = all.stream().filter(i -> i.businessKey().equals(chengwu.getBusinessKey())).findFirst()
                .orElseThrow();
        assertThat(item.unitName()).isEqualTo("成武县");
        assertThat(item.taskNumber()).isEqualTo(6);
        assertThat(item.periodCode()).isEqualTo("2023Q2");
        assertThat(item.revision()).isEqualTo(1);

        assertThat(actors.as("gxj.reviewer", () -> queries.awaitingMyReview(0, 1000)))
                .extracting(ReviewItem::businessKey).doesNotContain(chengwu.getBusinessKey());
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> queries.countAwaitingMyReview()))
                .isInstanceOf(WorkflowAccessException.class);

        String chengwuTask = steps.taskId(chengwu, "reviewReport");
        String dongmingTask = steps.taskId(dongming, "reviewReport");
        List<BulkResult> refused = actors.as("gxj.reviewer", () -> reviewService.bulkApprove(List.of(chengwuTask)));
        assertThat(refused).singleElement().satisfies(r -> assertThat(r.approved()).isFalse());
        assertThat(steps.status(chengwu)).isEqualTo(ReportStatus.AWAITING_REVIEW);

        List<BulkResult> results = actors.as("kjj.reviewer",
                () -> reviewService.bulkApprove(List.of(chengwuTask, dongmingTask)));
        assertThat(results).extracting(BulkResult::approved).containsExactly(true, true);
        assertThat(steps.status(chengwu)).isEqualTo(ReportStatus.APPROVED);
        assertThat(steps.status(dongming)).isEqualTo(ReportStatus.APPROVED);
        assertThat(actors.as("kjj.reviewer", () -> queries.countAwaitingMyReview())).isEqualTo(waiting - 2);
    }

    @Test
    void anotherUnitsReviewerIsRefusedTheReviewAndTheReport() {
        ProgressReport report = report(6, "JUANCHENG", "2023Q2");
        steps.submitToReview(report, "鄄城：已认定6家", 30, 6);
        String review = steps.taskId(report, "reviewReport");

        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> queries.open(review)))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> queries.changesSinceReturn(report.getId())))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> queries.previousCycle(report.getId())))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> reviewService.review(review, ReviewOutcome.APPROVE,
                null, Map.of()))).isInstanceOf(WorkflowAccessException.class);
        assertThat(steps.status(report)).isEqualTo(ReportStatus.AWAITING_REVIEW);
        // the reporting unit itself may read its own report's history
        assertThat(Actors.as(Actors.of("JUANCHENG", Role.CLERK), () -> queries.changesSinceReturn(report.getId())))
                .isEmpty();
    }

    @Test
    void coReviewerOpensTheSubTaskAndOthersCannot() {
        ProgressReport report = report(6, "MUDAN", "2023Q2");
        steps.submitToReview(report, "牡丹区：已认定9家", 35, 9);
        String review = steps.taskId(report, "reviewReport");
        CoReview asked = actors.as("kjj.reviewer", () -> reviewService.requestCoReview(review, "kjj.leader",
                "认定数是否可信？"));

        ReviewScreen forCoReviewer = actors.as("kjj.leader", () -> queries.open(asked.getEngineTaskId()));
        assertThat(forCoReviewer.mode()).isEqualTo(ReviewQueries.Mode.CO_REVIEW);
        assertThat(forCoReviewer.actionable()).isTrue();
        assertThat(forCoReviewer.current().reportId()).isEqualTo(report.getId());
        assertThat(forCoReviewer.coReviews()).singleElement().satisfies(c -> {
            assertThat(c.coReviewer()).isEqualTo("kjj.leader");
            assertThat(c.status()).isEqualTo(CoReview.Status.OPEN);
        });
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> queries.open(asked.getEngineTaskId())))
                .isInstanceOf(WorkflowAccessException.class);

        actors.as("kjj.leader", () -> reviewService.answerCoReview(asked.getEngineTaskId(), "可信"));
        ReviewScreen forReviewer = actors.as("kjj.reviewer", () -> queries.open(review));
        assertThat(forReviewer.coReviews()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CoReview.Status.ANSWERED);
            assertThat(c.opinion()).isEqualTo("可信");
        });
        assertThat(forReviewer.indicators().get(0).actual()).isEqualByComparingTo(BigDecimal.valueOf(9));
    }
}
