package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.notify.NotificationService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStateException;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewDecision;
import org.duban.review.ReviewException;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.support.Actors;
import org.duban.workflow.forms.FormValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A unit's progress report through fill-in, sign-off, review and the everyday operations, on the seed's 2023Q2. */
class ProgressReportFlowTest extends WorkflowTestSupport {

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired TaskOperations taskOperations;
    @Autowired AuditService audit;
    @Autowired NotificationService notifications;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void countyReportIsSignedOffReturnedOnceResubmittedAndApproved() {
        ProgressReport report = report(1, "CAOXIAN", "2023Q2");
        assertThat(report.getStatus()).isEqualTo(ReportStatus.NOT_STARTED);
        assertThat(report.getReviewerUnit().getCode()).isEqualTo("KJJ");
        assertThat(report.getDueOn()).hasToString("2023-06-25"); // a Sunday, but a make-up working day (调休)
        Task fill = taskOf(report, "fillReport");
        assertThat(taskOperations.candidateGroups(fill.getId())).containsExactly("CAOXIAN.CLERK");

        actors.as("caoxian.clerk", () -> reportService.saveDraft(report.getId(),
                reportValues("草稿：正在组织申报", 20, false, null)));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.DRAFT);

        actors.as("caoxian.clerk", () -> reportService.submit(fill.getId(),
                reportValues("已组织2家企业申报省重点实验室", 60, false, null)));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_SIGNOFF);
        actors.as("caoxian.leader", () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, null));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_REVIEW);
        assertThat(reload(report).getReviewDueOn()).isNotNull();

        long unreadBefore = unread("caoxian.clerk");
        actors.as("kjj.reviewer", () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.RETURN_TO_CLERK, "请补充申报企业名单", Map.of("narrative", "写明企业名称")));
        ProgressReport returned = reload(report);
        assertThat(returned.getStatus()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.getReturnCount()).isEqualTo(1);
        assertThat(unread("caoxian.clerk")).isEqualTo(unreadBefore + 1);
        assertThat(reportService.formValues(report.getId())).containsEntry("narrative", "已组织2家企业申报省重点实验室");

        actors.as("caoxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("已组织甲、乙2家企业申报省重点实验室", 80, false, null)));
        actors.as("caoxian.leader", () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, "同意"));
        actors.as("kjj.reviewer", () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.APPROVE, null, Map.of()));
        runAsyncSteps(report.getProcessInstanceId());

        ProgressReport approved = reload(report);
        assertThat(approved.getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approved.getRevision()).isEqualTo(2);
        assertThat(approved.getApprovedAt()).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(approved.getProcessInstanceId())
                .count()).isZero();
        assertThat(reportService.submissions(report.getId())).hasSize(2);
        assertThat(reviewService.decisionsOn(report.getId())).extracting(ReviewDecision::getStage,
                ReviewDecision::getDecision).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReviewDecision.Stage.SIGN_OFF,
                                ReviewDecision.Outcome.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(ReviewDecision.Stage.REVIEW,
                                ReviewDecision.Outcome.RETURNED_TO_CLERK),
                        org.assertj.core.groups.Tuple.tuple(ReviewDecision.Stage.SIGN_OFF,
                                ReviewDecision.Outcome.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(ReviewDecision.Stage.REVIEW,
                                ReviewDecision.Outcome.APPROVED));
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .containsExactly("DRAFT_SAVED", "REPORT_SUBMITTED", "REPORT_SIGNED_OFF", "REPORT_RETURNED",
                        "REPORT_SUBMITTED", "REPORT_SIGNED_OFF", "REPORT_APPROVED");
    }

    @Test
    void departmentWithoutSignOffGoesStraightToTheLeadUnit() {
        ProgressReport report = report(5, "STHJJ", "2023Q2");
        var clerk = Actors.of("STHJJ", Role.CLERK);
        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("开展生态环境领域技术攻关", 50, false, null)));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_REVIEW);
        assertThat(taskOf(report, "signOffReport")).isNull();
        assertThat(taskOperations.candidateGroups(taskOf(report, "reviewReport").getId()))
                .containsExactly("KJJ.REVIEWER");
    }

    @Test
    void nobodyWorksOnAnotherUnitsReport() {
        ProgressReport report = report(3, "CAOXIAN", "2023Q2");
        String fill = taskOf(report, "fillReport").getId();
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> reportService.submit(fill,
                reportValues("越权", 10, false, null)))).isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("caoxian.leader", () -> reportService.saveDraft(report.getId(),
                reportValues("负责人不能填报", 10, false, null)))).isInstanceOf(WorkflowAccessException.class);
        actors.as("caoxian.clerk", () -> reportService.submit(fill, reportValues("正常报送", 30, false, null)));
        String signOff = taskOf(report, "signOffReport").getId();
        assertThatThrownBy(() -> actors.as("yuncheng.leader", () -> reviewService.signOff(signOff, true, null)))
                .isInstanceOf(WorkflowAccessException.class);
        actors.as("caoxian.leader", () -> reviewService.signOff(signOff, true, null));
        String review = taskOf(report, "reviewReport").getId();
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> reviewService.review(review, ReviewOutcome.APPROVE,
                null, Map.of()))).isInstanceOf(WorkflowAccessException.class);
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_REVIEW);
    }

    @Test
    void clerkWithdrawsBeforeSignOffStartsButNotAfter() {
        ProgressReport report = report(4, "CAOXIAN", "2023Q2");
        actors.as("caoxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("第一次报送", 30, false, null)));
        actors.as("caoxian.clerk", () -> reportService.withdraw(report.getId(), "数据有误"));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.DRAFT);
        assertThat(taskOf(report, "fillReport")).isNotNull();
        assertThat(taskOf(report, "signOffReport")).isNull();

        actors.as("caoxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("更正后报送", 35, false, null)));
        actors.as("caoxian.leader", () -> taskOperations.claim(taskOf(report, "signOffReport").getId()));
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.withdraw(report.getId(), "再改")))
                .isInstanceOf(WorkflowAccessException.class).hasMessageContaining("caoxian.leader");
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_SIGNOFF);
    }

    @Test
    void invalidValuesAreRefusedFieldByFieldAndNothingIsStored() {
        ProgressReport report = report(6, "CAOXIAN", "2023Q2");
        String fill = taskOf(report, "fillReport").getId();
        Map<String, Object> values = reportValues("x".repeat(4001), 150, false, null);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.submit(fill, values)))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.key()).containsExactlyInAnyOrder("narrative", "percentDone"));
        // an actual beyond what the database column holds (NUMERIC(19,4)) is a field message, not a database error
        Map<String, Object> hugeActual = reportValues("已完成", 10, false, null);
        hugeActual.put("indicators", List.of(Map.of("actual", new BigDecimal("1E16"))));
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.submit(fill, hugeActual)))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.key(), f -> f.message()).containsExactly(tuple("indicators[1].actual",
                                "不能大于 999999999999999 / must be at most 999999999999999")));
        Map<String, Object> missing = reportValues(null, 10, false, null);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.submit(fill, missing)))
                .isInstanceOf(FormValidationException.class).hasMessageContaining("narrative");
        ProgressReport unchanged = reload(report);
        assertThat(unchanged.getStatus()).isEqualTo(ReportStatus.NOT_STARTED);
        assertThat(unchanged.getNarrative()).isNull();
        assertThat(taskOf(report, "fillReport").getId()).isEqualTo(fill);
    }

    @Test
    void reviewerSendsTheReportBackToTheLeadersSignOff() {
        ProgressReport report = report(7, "CAOXIAN", "2023Q2");
        submitAndSignOff(report);
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> reviewService.review(
                taskOf(report, "reviewReport").getId(), ReviewOutcome.RETURN_TO_LEADER, " ", Map.of())))
                .isInstanceOf(ReviewException.class);
        actors.as("kjj.reviewer", () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.RETURN_TO_LEADER, "负责人审签意见缺失", Map.of()));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.AWAITING_SIGNOFF);
        assertThat(reload(report).getReturnCount()).isEqualTo(1);
        assertThat(taskOf(report, "signOffReport")).isNotNull();
    }

    @Test
    void coReviewersOpinionIsNeededBeforeTheDecision() {
        ProgressReport report = report(8, "CAOXIAN", "2023Q2");
        submitAndSignOff(report);
        String review = taskOf(report, "reviewReport").getId();
        var coReview = actors.as("kjj.reviewer", () -> reviewService.requestCoReview(review, "kjj.leader",
                "请局长把关"));
        assertThat(taskService.createTaskQuery().taskAssignee("kjj.leader").taskId(coReview.getEngineTaskId())
                .count()).isEqualTo(1);
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> reviewService.review(review, ReviewOutcome.APPROVE,
                null, Map.of()))).isInstanceOf(ReviewException.class).hasMessageContaining("加签");
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> reviewService.answerCoReview(
                coReview.getEngineTaskId(), "我替他答"))).isInstanceOf(WorkflowAccessException.class);
        actors.as("kjj.leader", () -> reviewService.answerCoReview(coReview.getEngineTaskId(), "同意通过"));
        actors.as("kjj.reviewer", () -> reviewService.review(review, ReviewOutcome.APPROVE, null, Map.of()));
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThat(reviewService.decisionsOn(report.getId())).extracting(ReviewDecision::getStage)
                .contains(ReviewDecision.Stage.CO_REVIEW);
    }

    @Test
    void taskIsTransferredToAColleagueAndDelegatedAndBack() {
        if (users.findByUsername("caoxian.clerk2").isEmpty()) {
            tx.executeWithoutResult(s -> users.save(new AppUser("caoxian.clerk2", "曹县 第二经办人",
                    passwordEncoder.encode("caoxian.clerk2"), units.findByCode("CAOXIAN").orElseThrow(),
                    EnumSet.of(Role.CLERK))));
        }
        ProgressReport report = report(10, "CAOXIAN", "2023Q2");
        String fill = taskOf(report, "fillReport").getId();
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> taskOperations.transfer(fill, "shanxian.clerk",
                "跨单位"))).isInstanceOf(WorkflowAccessException.class).hasMessageContaining("单县");
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> taskOperations.transfer(fill, "caoxian.leader",
                "负责人不能填报"))).isInstanceOf(WorkflowAccessException.class);
        actors.as("caoxian.clerk", () -> taskOperations.transfer(fill, "caoxian.clerk2", "我出差"));
        assertThat(taskService.createTaskQuery().taskId(fill).singleResult().getAssignee()).isEqualTo("caoxian.clerk2");
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.submit(fill,
                reportValues("已转办的待办", 10, false, null)))).isInstanceOf(WorkflowAccessException.class);

        actors.as("caoxian.clerk2", () -> taskOperations.delegate(fill, "caoxian.clerk", "请帮忙核数"));
        Task delegated = taskService.createTaskQuery().taskId(fill).singleResult();
        assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(delegated.getAssignee()).isEqualTo("caoxian.clerk");
        assertThat(delegated.getOwner()).isEqualTo("caoxian.clerk2");
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.submit(fill,
                reportValues("委派人不能直接办结", 10, false, null)))).isInstanceOf(WorkflowAccessException.class);
        actors.as("caoxian.clerk", () -> taskOperations.resolve(fill, "已核"));
        Task back = taskService.createTaskQuery().taskId(fill).singleResult();
        assertThat(back.getAssignee()).isEqualTo("caoxian.clerk2");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(audit.byAction("TASK_TRANSFERRED")).anyMatch(e -> e.getEntityId().equals(fill)
                && e.getSummary().contains("我出差"));
        assertThat(audit.byAction("TASK_DELEGATED")).anyMatch(e -> e.getEntityId().equals(fill));
        assertThat(audit.byAction("TASK_RESOLVED")).anyMatch(e -> e.getEntityId().equals(fill));
        actors.as("caoxian.clerk2", () -> reportService.submit(fill, reportValues("办结", 40, false, null)));
        assertThat(reload(report).getSubmittedBy()).isEqualTo("caoxian.clerk2");
    }

    @Test
    void decisionIsCopiedToTheSupervisionOffice() {
        ProgressReport report = report(12, "CAOXIAN", "2023Q2");
        submitAndSignOff(report);
        actors.as("gxj.reviewer", () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.APPROVE, null, Map.of()));
        long before = unread("supervisor");
        actors.as("gxj.reviewer", () -> reviewService.copyDecision(report.getId(),
                ReviewService.CopyTarget.SUPERVISION_OFFICE, "供督查室掌握"));
        assertThat(unread("supervisor")).isEqualTo(before + 1);
        assertThatThrownBy(() -> actors.as("yuncheng.clerk", () -> reviewService.copyDecision(report.getId(),
                ReviewService.CopyTarget.SUPERVISION_OFFICE, "无关人员"))).isInstanceOf(WorkflowAccessException.class);
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .contains("DECISION_COPIED");
    }

    @Test
    void anEditedReportCannotBeEditedOnceUnderReview() {
        ProgressReport report = report(13, "CAOXIAN", "2023Q2");
        submitAndSignOff(report);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> reportService.saveDraft(report.getId(),
                reportValues("审核中修改", 10, false, null)))).isInstanceOf(ReportStateException.class);
    }

    private void submitAndSignOff(ProgressReport report) {
        actors.as("caoxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("本期进展", 50, false, null)));
        actors.as("caoxian.leader", () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, null));
    }
}
