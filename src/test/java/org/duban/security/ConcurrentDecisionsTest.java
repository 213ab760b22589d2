package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewDecision;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.shared.ConcurrentChangeException;
import org.duban.support.Actors;
import org.duban.workflow.ConcurrentChanges;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people act on the same report at the same moment, on two real threads: one wins, the other is refused with a
 * ConcurrentChangeException whose message says what to do, and nothing is half-written (one decision, one audit
 * record, the winner's values).
 */
class ConcurrentDecisionsTest extends WorkflowTestSupport {

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired AuditService audit;
    @Autowired org.duban.workflow.EngineTasks engineTasks;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * A department's report (no leader sign-off) reviewed by the KJJ, not yet touched by any other test: each test
     * here takes the newest untouched one (skip 0) and touches it, so the tests need no order. 2023Q1, since the many
     * tests on 2023Q2 leave few KJJ reports untouched there.
     */
    private ProgressReport untouchedReportReviewedByKjj(ReportingCycle cycle, int skip) {
        List<ProgressReport> candidates = tx.execute(s -> reports.findByCycleId(cycle.getId()).stream()
                .filter(r -> r.getReviewerUnit().getCode().equals("KJJ"))
                .filter(r -> !r.getUnit().isLeaderSignoff())
                .filter(r -> r.getStatus() == ReportStatus.NOT_STARTED)
                .sorted(Comparator.comparing(ProgressReport::getId).reversed())
                .toList());
        assertThat(candidates.size()).isGreaterThan(skip);
        return reload(candidates.get(skip));
    }

    private static org.duban.security.DubanUserDetails person(String name, String unit, Role role) {
        return new org.duban.security.DubanUserDetails(name, "", name, unit, unit, EnumSet.of(role), true);
    }

    @Test
    void twoReviewersDecideTheSameReportAtOnce() throws Exception {
        ProgressReport report = untouchedReportReviewedByKjj(openCycle("2023Q1"), 0);
        String unit = report.getUnit().getCode();
        Actors.as(person(unit.toLowerCase() + ".clerk-a", unit, Role.CLERK), () -> reportService.submit(
                taskOf(report, "fillReport").getId(), reportValues("按计划推进", 50, false, null)));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_REVIEW);
        String reviewTask = taskOf(report, "reviewReport").getId();

        var first = (org.duban.security.DubanUserDetails) actors.as("kjj.reviewer",
                () -> org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication().getPrincipal());
        var second = person("kjj.reviewer2", "KJJ", Role.REVIEWER);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = List.of(
                threads.submit(() -> {
                    start.await();
                    Actors.as(first, () -> reviewService.review(reviewTask, ReviewOutcome.APPROVE, null, Map.of()));
                    return "APPROVE";
                }),
                threads.submit(() -> {
                    start.await();
                    Actors.as(second, () -> reviewService.review(reviewTask, ReviewOutcome.RETURN_TO_CLERK,
                            "请补充数据", Map.of()));
                    return "RETURN_TO_CLERK";
                }));
        start.countDown();
        Race race = race(results);

        assertThat(race.winners).hasSize(1);
        assertThat(race.losers).hasSize(1);
        // the loser collides with the winner's update (at the same moment), or finds the task done (second): either
        // way one readable refusal, the raw engine/JPA exception only as its cause
        assertThat(race.losers.get(0)).isInstanceOfSatisfying(ConcurrentChangeException.class, e -> {
            assertThat(e.getMessageKey()).isIn(ConcurrentChangeException.CHANGED,
                    ConcurrentChangeException.ALREADY_DONE);
            assertThat(e.getMessage()).containsAnyOf("已被他人处理或修改，请刷新后重试", "已由 kjj.reviewer")
                    .contains("refresh");
        });

        ProgressReport after = reload(report);
        String winner = race.winners.get(0);
        assertThat(after.getStatus()).isEqualTo(winner.equals("APPROVE") ? ReportStatus.APPROVED
                : ReportStatus.RETURNED);
        List<ReviewDecision> reviews = reviewService.decisionsOn(report.getId()).stream()
                .filter(d -> d.getStage() == ReviewDecision.Stage.REVIEW).toList();
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).getDecision()).isEqualTo(winner.equals("APPROVE")
                ? ReviewDecision.Outcome.APPROVED : ReviewDecision.Outcome.RETURNED_TO_CLERK);
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .containsExactly("REPORT_SUBMITTED", winner.equals("APPROVE") ? "REPORT_APPROVED" : "REPORT_RETURNED");
        assertThat(taskOf(report, "reviewReport")).isNull();
        System.out.println("[concurrency] review race: winner " + winner + ", loser got " + race.losers.get(0));
    }

    @Test
    void twoClerksSaveTheSameDraftAtOnce() throws Exception {
        ProgressReport report = untouchedReportReviewedByKjj(openCycle("2023Q1"), 0);
        String unit = report.getUnit().getCode();
        var clerkA = person(unit.toLowerCase() + ".clerk-a", unit, Role.CLERK);
        var clerkB = person(unit.toLowerCase() + ".clerk-b", unit, Role.CLERK);
        long versionBefore = report.getVersion();

        // Both requests have read the report and written their values before either commits: the barrier holds
        // each transaction open until the other one got that far (or 5 s passed: then one is blocked in the
        // database by the other's row lock, which is a race too).
        CyclicBarrier bothWritten = new CyclicBarrier(2);
        List<Future<String>> results = List.of(
                threads.submit(saveDraftThenCommit(clerkA, report.getId(), "甲：已完成一半", 50, bothWritten)),
                threads.submit(saveDraftThenCommit(clerkB, report.getId(), "乙：已完成三成", 30, bothWritten)));
        Race race = race(results);

        assertThat(race.winners).hasSize(1);
        assertThat(race.losers).hasSize(1);
        assertThat(race.losers.get(0)).isInstanceOfSatisfying(ConcurrentChangeException.class, e -> {
            assertThat(e.getMessageKey()).isEqualTo(ConcurrentChangeException.CHANGED);
            assertThat(e.getMessage()).startsWith("此报告已被他人处理或修改，请刷新后重试 / ");
            assertThat(ConcurrentChanges.isCollision(e.getCause())).as("the raw cause is kept: %s", e.getCause())
                    .isTrue();
        });

        ProgressReport after = reload(report);
        String winner = race.winners.get(0);
        assertThat(after.getNarrative()).isEqualTo(winner);
        assertThat(after.getPercentDone()).isEqualTo(winner.startsWith("甲") ? 50 : 30);
        assertThat(after.getStatus()).isEqualTo(ReportStatus.DRAFT);
        assertThat(after.getVersion()).isEqualTo(versionBefore + 1);
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getActor)
                .containsExactly(winner.startsWith("甲") ? clerkA.getUsername() : clerkB.getUsername());
        System.out.println("[concurrency] draft race: winner " + winner + ", loser got " + race.losers.get(0));

        // the loser saves again on the fresh state and succeeds: nothing was left locked or half-written
        var loser = winner.startsWith("甲") ? clerkB : clerkA;
        Actors.as(loser, () -> reportService.saveDraft(report.getId(), reportValues("再次保存", 40, false, null)));
        assertThat(reload(report).getNarrative()).isEqualTo("再次保存");
    }

    @Test
    void whoeverComesSecondIsToldWhoDecidedAndWhen() {
        ProgressReport report = untouchedReportReviewedByKjj(openCycle("2023Q1"), 0);
        String unit = report.getUnit().getCode();
        Actors.as(person(unit.toLowerCase() + ".clerk-a", unit, Role.CLERK), () -> reportService.submit(
                taskOf(report, "fillReport").getId(), reportValues("按计划推进", 60, false, null)));
        String reviewTask = taskOf(report, "reviewReport").getId();
        actors.as("kjj.reviewer", () -> reviewService.review(reviewTask, ReviewOutcome.APPROVE, null, Map.of()));

        var late = person("kjj.reviewer3", "KJJ", Role.REVIEWER);
        assertThatThrownBy(() -> Actors.as(late, () -> reviewService.review(reviewTask,
                ReviewOutcome.RETURN_TO_CLERK, "晚到的退回", Map.of())))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo(ConcurrentChangeException.ALREADY_DONE);
                    assertThat(e.getMessageParams()[0]).isEqualTo("kjj.reviewer");
                })
                .hasMessageContaining("已由 kjj.reviewer 于 2023-06-01")
                .hasMessageContaining("already done by kjj.reviewer");
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .containsExactly("REPORT_SUBMITTED", "REPORT_APPROVED");
        // a task id that never existed is still an access refusal, not a race
        assertThatThrownBy(() -> Actors.as(late, () -> reviewService.review("no-such-task", ReviewOutcome.APPROVE,
                null, Map.of()))).isInstanceOf(WorkflowAccessException.class);
    }

    /**
     * The interleaving the two-thread race may or may not produce: the step was read (and checked) before the other
     * reviewer's completion committed, and is completed after it. The engine then fails on the vanished task or
     * execution (seen in CI: a NullPointerException in TaskEntity.complete); the user is told who did it instead.
     */
    @Test
    void aStepCompletedBetweenReadAndCompletionIsAlreadyDone() {
        ProgressReport report = untouchedReportReviewedByKjj(openCycle("2023Q1"), 1);
        String unit = report.getUnit().getCode();
        Actors.as(person(unit.toLowerCase() + ".clerk-a", unit, Role.CLERK), () -> reportService.submit(
                taskOf(report, "fillReport").getId(), reportValues("按计划推进", 70, false, null)));
        org.camunda.bpm.engine.task.Task readBefore = taskOf(report, "reviewReport");
        actors.as("kjj.reviewer", () -> reviewService.review(readBefore.getId(), ReviewOutcome.APPROVE, null,
                Map.of()));

        var late = person("kjj.reviewer4", "KJJ", Role.REVIEWER);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> engineTasks.complete(readBefore, late, Map.of())))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.getMessageKey())
                        .isEqualTo(ConcurrentChangeException.ALREADY_DONE));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.APPROVED);
    }

    private Callable<String> saveDraftThenCommit(org.duban.security.DubanUserDetails clerk, Long reportId,
            String narrative, int percent, CyclicBarrier bothWritten) {
        return () -> Actors.as(clerk, () -> tx.execute(s -> {
            reportService.saveDraft(reportId, reportValues(narrative, percent, false, null));
            try {
                bothWritten.await(5, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.BrokenBarrierException e) {
                // the other thread is stuck behind our row lock: commit, and it will see our version
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return narrative;
        }));
    }

    private record Race(List<String> winners, List<Throwable> losers) {
    }

    private static Race race(List<Future<String>> results) throws InterruptedException {
        List<String> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                winners.add(result.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                losers.add(e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a thread hung", e);
            }
        }
        return new Race(winners, losers);
    }
}
