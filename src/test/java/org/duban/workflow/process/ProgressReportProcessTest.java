package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.MESSAGE_REPORT_WITHDRAWN;
import static org.duban.workflow.ProcessKeys.PROGRESS_REPORT;
import static org.duban.workflow.ProcessKeys.VAR_CLERK_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_DECISION;
import static org.duban.workflow.ProcessKeys.VAR_LEADER_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_LEADER_SIGNOFF;
import static org.duban.workflow.ProcessKeys.VAR_REPORT_ID;
import static org.duban.workflow.ProcessKeys.VAR_REVIEWER_GROUP;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.workflow.process.DeadlineCheckRecorder.Check;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bpmn/progress-report.bpmn: one unit's report for one cycle, from the clerk through sign-off and review. */
@Deployment(resources = {"bpmn/progress-report.bpmn", "bpmn/forms/fill-report.form",
        "bpmn/forms/sign-off-report.form", "bpmn/forms/review-report.form"})
class ProgressReportProcessTest extends ProcessTest {

    private static final long REPORT_ID = 42L;
    private static final String BUSINESS_KEY = "2023-T23-2023Q2-CAOXIAN";
    private static final String CLERKS = "CAOXIAN.CLERK";
    private static final String LEADERS = "CAOXIAN.UNIT_LEADER";
    private static final String REVIEWERS = "KJJ.REVIEWER";

    private final DeadlineCheckRecorder checkDeadline = new DeadlineCheckRecorder();
    private final RecordingDelegate recordApproval = new RecordingDelegate();
    private boolean leaderSignoff;
    private RecordingDelegate prepareReport;

    @BeforeEach
    void registerDelegates() {
        prepareReport = new RecordingDelegate(execution -> {
            execution.setVariable(VAR_CLERK_GROUP, CLERKS);
            execution.setVariable(VAR_LEADER_GROUP, LEADERS);
            execution.setVariable(VAR_REVIEWER_GROUP, REVIEWERS);
            execution.setVariable(VAR_LEADER_SIGNOFF, leaderSignoff);
        });
        Mocks.register("prepareReport", prepareReport);
        Mocks.register("checkDeadline", checkDeadline);
        Mocks.register("recordApproval", recordApproval);
    }

    @Test
    void reportWithoutSignOffGoesStraightToReviewAndIsApprovedAfterTheApprovalIsRecorded() {
        ProcessInstance report = startReport(false);

        assertThat(prepareReport.calls()).singleElement()
                .satisfies(call -> assertThat(call.variable(VAR_REPORT_ID)).isEqualTo(REPORT_ID));
        assertThat(report).hasBusinessKey(BUSINESS_KEY).isWaitingAtExactly("fillReport");
        Task fill = task(report);
        assertThat(fill).hasName("填报进展").hasCandidateGroup(CLERKS);
        assertForm(fill, "fillReport");
        complete(fill);

        assertThat(report).isWaitingAtExactly("reviewReport").hasNotPassed("signOffReport");
        Task review = task(report);
        assertThat(review).hasName("牵头单位审核").hasCandidateGroup(REVIEWERS);
        assertForm(review, "reviewReport");
        complete(review, withVariables(VAR_DECISION, "APPROVE"));

        // the reviewer's decision is committed before the approval is recorded
        assertThat(report).isWaitingAtExactly("recordApproval");
        assertThat(recordApproval.calls()).isEmpty();
        execute(job("recordApproval", report));

        assertThat(report).isEnded().hasPassedInOrder("reportRequested", "prepareReport", "fillReport",
                "reviewReport", "recordApproval", "reportApproved");
        assertThat(recordApproval.calls()).singleElement()
                .satisfies(call -> assertThat(call.variable(VAR_REPORT_ID)).isEqualTo(REPORT_ID));
        assertThat(historicVariable(report, VAR_DECISION)).isEqualTo("APPROVE");
    }

    @Test
    void unitLeaderSignsOffBeforeTheReview() {
        ProcessInstance report = startReport(true);
        complete(task(report));

        assertThat(report).isWaitingAtExactly("signOffReport");
        Task signOff = task(report);
        assertThat(signOff).hasName("单位负责人审签").hasCandidateGroup(LEADERS);
        assertForm(signOff, "signOffReport");
        complete(signOff, withVariables(VAR_DECISION, "APPROVE"));

        assertThat(report).isWaitingAtExactly("reviewReport");
        assertThat(task(report)).hasCandidateGroup(REVIEWERS);
        complete(task(report), withVariables(VAR_DECISION, "APPROVE"));
        execute(job("recordApproval", report));

        assertThat(report).isEnded().hasPassedInOrder("fillReport", "signOffReport", "reviewReport",
                "recordApproval", "reportApproved");
    }

    @Test
    void leaderReturnsTheReportToTheClerk() {
        ProcessInstance report = startReport(true);
        complete(task(report));

        complete(task("signOffReport", report), withVariables(VAR_DECISION, "RETURN"));

        assertThat(report).isWaitingAtExactly("fillReport").hasNotPassed("reviewReport");
        assertThat(task(report)).hasCandidateGroup(CLERKS);
        assertThat(timesPassed(report, "fillReport")).isEqualTo(2);
    }

    @Test
    void reviewerReturnsToTheClerkWhoResubmitsAndTheReportIsApproved() {
        ProcessInstance report = startReport(false);
        complete(task(report));

        complete(task("reviewReport", report), withVariables(VAR_DECISION, "RETURN_TO_CLERK"));

        assertThat(report).isWaitingAtExactly("fillReport");
        assertThat(task(report)).hasCandidateGroup(CLERKS);
        complete(task(report));
        assertThat(report).isWaitingAtExactly("reviewReport");
        complete(task(report), withVariables(VAR_DECISION, "APPROVE"));
        execute(job("recordApproval", report));

        assertThat(report).isEnded();
        assertThat(timesPassed(report, "fillReport")).isEqualTo(2);
        assertThat(timesPassed(report, "reviewReport")).isEqualTo(2);
        assertThat(recordApproval.calls()).hasSize(1);
    }

    @Test
    void reviewerReturnsToTheLeadersSignOffNotToTheClerk() {
        ProcessInstance report = startReport(true);
        complete(task(report));
        complete(task("signOffReport", report), withVariables(VAR_DECISION, "APPROVE"));

        complete(task("reviewReport", report), withVariables(VAR_DECISION, "RETURN_TO_LEADER"));

        assertThat(report).isWaitingAtExactly("signOffReport");
        assertThat(task(report)).hasCandidateGroup(LEADERS);
        complete(task(report), withVariables(VAR_DECISION, "APPROVE"));
        complete(task("reviewReport", report), withVariables(VAR_DECISION, "APPROVE"));
        execute(job("recordApproval", report));

        assertThat(report).isEnded();
        assertThat(timesPassed(report, "fillReport")).isEqualTo(1);
        assertThat(timesPassed(report, "signOffReport")).isEqualTo(2);
    }

    @Test
    void clerkWithdrawsWhileWaitingForSignOffAndGetsTheReportBack() {
        ProcessInstance report = startReport(true);
        complete(task(report));
        assertThat(report).isWaitingAtExactly("signOffReport");

        withdraw(report);

        assertThat(report).isWaitingAtExactly("fillReport").hasPassed("withdrawnBeforeSignOff");
        assertThat(task(report)).hasCandidateGroup(CLERKS);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(report.getId())
                .taskDefinitionKey("signOffReport").singleResult().getDeleteReason()).isEqualTo("deleted");
    }

    @Test
    void clerkWithdrawsWhileWaitingForReviewAndGetsTheReportBack() {
        ProcessInstance report = startReport(false);
        complete(task(report));
        assertThat(report).isWaitingAtExactly("reviewReport");

        withdraw(report);

        assertThat(report).isWaitingAtExactly("fillReport").hasPassed("withdrawnBeforeReview")
                .hasNotPassed("recordApproval");
        assertThat(task(report)).hasCandidateGroup(CLERKS);
    }

    @Test
    void aReportStillWithTheClerkCannotBeWithdrawn() {
        ProcessInstance report = startReport(false);

        assertThatThrownBy(() -> withdraw(report)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(report).isWaitingAtExactly("fillReport");
    }

    @Test
    void fillDeadlineIsCheckedEveryDayAtNineWhileTheClerkKeepsTheTask() {
        clockAt(LocalDateTime.of(2025, 3, 10, 10, 30));
        ProcessInstance report = startReport(false);
        Job firstCheck = job("fillDeadlineCheck", report);
        assertThat(firstCheck).hasDueDate(date(LocalDateTime.of(2025, 3, 11, 9, 0)));
        assertThat(jobQuery().executable().count()).isZero();

        clockAt(LocalDateTime.of(2025, 3, 11, 9, 0, 1));
        assertThat(jobQuery().executable().singleResult().getId()).isEqualTo(firstCheck.getId());
        execute(firstCheck);

        assertThat(checkDeadline.checks()).containsExactly(new Check("FILL", "checkFillDeadline", REPORT_ID));
        assertThat(report).isWaitingAtExactly("fillReport").hasPassed("checkFillDeadline", "fillCheckDone");
        assertThat(task(report)).hasCandidateGroup(CLERKS);
        assertThat(job("fillDeadlineCheck", report)).hasDueDate(date(LocalDateTime.of(2025, 3, 12, 9, 0)));
        assertThat(jobQuery().executable().count()).isZero();
    }

    @Test
    void reviewDeadlineIsCheckedEveryDayAtNineWhileTheReviewerKeepsTheTask() {
        clockAt(LocalDateTime.of(2025, 3, 10, 10, 30));
        ProcessInstance report = startReport(false);
        complete(task(report));
        assertThat(jobQuery().activityId("fillDeadlineCheck").count()).as("fill timer gone with its task").isZero();
        Job firstCheck = job("reviewDeadlineCheck", report);
        assertThat(firstCheck).hasDueDate(date(LocalDateTime.of(2025, 3, 11, 9, 0)));

        clockAt(LocalDateTime.of(2025, 3, 11, 9, 0, 1));
        execute(jobQuery().executable().singleResult());

        assertThat(checkDeadline.checks()).containsExactly(new Check("REVIEW", "checkReviewDeadline", REPORT_ID));
        assertThat(report).isWaitingAtExactly("reviewReport").hasPassed("checkReviewDeadline", "reviewCheckDone")
                .hasNotPassed("checkFillDeadline");
        assertThat(task(report)).hasCandidateGroup(REVIEWERS);
        assertThat(job("reviewDeadlineCheck", report)).hasDueDate(date(LocalDateTime.of(2025, 3, 12, 9, 0)));
    }

    private ProcessInstance startReport(boolean signoff) {
        leaderSignoff = signoff;
        return runtimeService().startProcessInstanceByKey(PROGRESS_REPORT, BUSINESS_KEY,
                withVariables(VAR_REPORT_ID, REPORT_ID));
    }

    private static void withdraw(ProcessInstance report) {
        runtimeService().createMessageCorrelation(MESSAGE_REPORT_WITHDRAWN).processInstanceId(report.getId())
                .correlate();
    }

    private static long timesPassed(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    private static Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
