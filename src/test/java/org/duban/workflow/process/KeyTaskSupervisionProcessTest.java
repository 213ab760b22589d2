package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.KEY_TASK_SUPERVISION;
import static org.duban.workflow.ProcessKeys.MESSAGE_CLOSURE_INVITED;
import static org.duban.workflow.ProcessKeys.MESSAGE_CYCLE_OPENED;
import static org.duban.workflow.ProcessKeys.PROGRESS_REPORT;
import static org.duban.workflow.ProcessKeys.VAR_CLERK_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_CLOSURE_INVITED;
import static org.duban.workflow.ProcessKeys.VAR_CYCLE_ID;
import static org.duban.workflow.ProcessKeys.VAR_DECISION;
import static org.duban.workflow.ProcessKeys.VAR_LEADER_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_LEADER_SIGNOFF;
import static org.duban.workflow.ProcessKeys.VAR_LEAD_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_REPORT_ID;
import static org.duban.workflow.ProcessKeys.VAR_REVIEWER_GROUP;
import static org.duban.workflow.ProcessKeys.VAR_RUN_BY_OFFICE;
import static org.duban.workflow.ProcessKeys.VAR_TASK_ID;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.reporting.ReportProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/key-task-supervision.bpmn: one key task from assignment to 销号, with one event sub-process per reporting
 * cycle that calls bpmn/progress-report.bpmn once per unit report.
 */
@Deployment(resources = {"bpmn/key-task-supervision.bpmn", "bpmn/progress-report.bpmn",
        "bpmn/forms/confirm-assignment.form", "bpmn/forms/accept-assignment.form",
        "bpmn/forms/decide-adjustment.form", "bpmn/forms/draft-work-plan.form",
        "bpmn/forms/consolidate-cycle-report.form", "bpmn/forms/review-cycle-report.form",
        "bpmn/forms/apply-for-closure.form", "bpmn/forms/review-closure.form", "bpmn/forms/fill-report.form",
        "bpmn/forms/sign-off-report.form", "bpmn/forms/review-report.form"})
class KeyTaskSupervisionProcessTest extends ProcessTest {

    private static final long TASK_ID = 7L;
    private static final String TASK_CODE = "2023-T23";
    private static final String LEAD_GROUP = "KJJ.REVIEWER";
    private static final String SUPERVISORS = "SUPERVISOR";
    private static final long Q2 = 100L;
    private static final long Q3 = 101L;

    private final ReportProcesses reportProcesses = mock(ReportProcesses.class);
    private final RecordingDelegate recordCycleAccepted = new RecordingDelegate();
    private final RecordingDelegate closeKeyTask = new RecordingDelegate();

    @BeforeEach
    void registerBeans() {
        Mocks.register("reportProcesses", reportProcesses);
        Mocks.register("recordCycleAccepted", recordCycleAccepted);
        Mocks.register("closeKeyTask", closeKeyTask);
        // the called progress reports: every unit's clerk fills, no sign-off, the lead's reviewers review
        Mocks.register("prepareReport", new RecordingDelegate(execution -> {
            execution.setVariable(VAR_CLERK_GROUP, "UNIT" + execution.getVariable(VAR_REPORT_ID) + ".CLERK");
            execution.setVariable(VAR_LEADER_GROUP, "UNIT" + execution.getVariable(VAR_REPORT_ID) + ".UNIT_LEADER");
            execution.setVariable(VAR_REVIEWER_GROUP, LEAD_GROUP);
            execution.setVariable(VAR_LEADER_SIGNOFF, false);
        }));
        Mocks.register("checkDeadline", new DeadlineCheckRecorder());
        Mocks.register("recordApproval", new RecordingDelegate());
        when(reportProcesses.businessKey(anyLong())).thenAnswer(call -> "2023-T23-BK" + call.getArgument(0));
        when(reportProcesses.reportIds(TASK_ID, Q2)).thenReturn(List.of(501L));
        when(reportProcesses.reportIds(TASK_ID, Q3)).thenReturn(List.of(601L, 602L));
    }

    @Test
    void supervisorConfirmsLeadUnitAcceptsAndDraftsTheWorkPlanThenWaitsForTheClosureInvitation() {
        ProcessInstance keyTask = start(false);

        assertThat(keyTask).hasBusinessKey(TASK_CODE).isWaitingAtExactly("confirmAssignment");
        assertTask(task(keyTask), "督查室确认分工", SUPERVISORS, "confirmAssignment");
        complete(task(keyTask));

        assertThat(keyTask).isWaitingAtExactly("acceptAssignment");
        assertTask(task(keyTask), "牵头单位接收任务", LEAD_GROUP, "acceptAssignment");
        complete(task(keyTask), withVariables(VAR_DECISION, "ACCEPT"));

        assertThat(keyTask).isWaitingAtExactly("draftWorkPlan").hasNotPassed("decideAdjustment");
        assertTask(task(keyTask), "制定工作方案", LEAD_GROUP, "draftWorkPlan");
        complete(task(keyTask));

        assertThat(keyTask).isWaitingAtExactly("awaitClosureInvitation").hasPassedInOrder("taskAssigned",
                "confirmAssignment", "acceptAssignment", "draftWorkPlan");
    }

    @Test
    void adjustmentRequestIsDecidedByTheSupervisorAndGoesBackToTheLeadUnit() {
        ProcessInstance keyTask = start(false);
        complete(task(keyTask));

        complete(task("acceptAssignment", keyTask), withVariables(VAR_DECISION, "REQUEST_ADJUSTMENT", "reason",
                "主责单位应为发改委"));

        assertThat(keyTask).isWaitingAtExactly("decideAdjustment");
        assertTask(task(keyTask), "督查室审定调整申请", SUPERVISORS, "decideAdjustment");
        // as KeyTaskSteps does when the supervisor approves a new primary lead
        runtimeService().setVariable(keyTask.getId(), VAR_LEAD_GROUP, "FGW.REVIEWER");
        complete(task(keyTask), withVariables(VAR_DECISION, "APPROVE"));

        assertThat(keyTask).isWaitingAtExactly("acceptAssignment");
        assertThat(task(keyTask)).hasCandidateGroup("FGW.REVIEWER");
        complete(task(keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        assertThat(keyTask).isWaitingAtExactly("draftWorkPlan");
        assertThat(task(keyTask)).hasCandidateGroup("FGW.REVIEWER");
        assertThat(timesPassed(keyTask, "acceptAssignment")).isEqualTo(2);
    }

    @Test
    void taskRunByTheOfficeSkipsAcceptance() {
        ProcessInstance keyTask = start(true);

        complete(task("confirmAssignment", keyTask));

        assertThat(keyTask).isWaitingAtExactly("draftWorkPlan").hasNotPassed("acceptAssignment");
        assertThat(task(keyTask)).hasCandidateGroup(SUPERVISORS);
    }

    @Test
    void cycleCallsOneProgressReportPerUnitReportThenTheLeadConsolidatesUntilTheSupervisorAccepts() {
        when(reportProcesses.reportIds(TASK_ID, Q2)).thenReturn(List.of(501L, 502L, 503L));
        ProcessInstance keyTask = start(false);
        complete(task(keyTask));

        openCycle(keyTask, Q2);

        assertThat(keyTask).isWaitingAt("acceptAssignment", "unitReports");
        List<ProcessInstance> reports = reportsOf(keyTask);
        assertThat(reports).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("2023-T23-BK501", "2023-T23-BK502", "2023-T23-BK503");
        for (ProcessInstance report : reports) {
            assertThat(report).hasProcessDefinitionKey(PROGRESS_REPORT).isWaitingAtExactly("fillReport")
                    .variables().containsEntry(VAR_REPORT_ID,
                            Long.valueOf(report.getBusinessKey().substring("2023-T23-BK".length())));
            assertThat(task(report)).hasCandidateGroup("UNIT" + runtimeService().getVariable(report.getId(),
                    VAR_REPORT_ID) + ".CLERK");
        }

        approveReport(reports.get(0));
        approveReport(reports.get(1));
        assertThat(keyTask).isWaitingAt("unitReports").isNotWaitingAt("consolidateCycleReport");
        approveReport(reports.get(2));

        assertThat(keyTask).isWaitingAt("consolidateCycleReport");
        Task consolidate = task("consolidateCycleReport", keyTask);
        assertTask(consolidate, "牵头单位汇总报送", LEAD_GROUP, "consolidateCycleReport");
        assertThat(runtimeService().getVariable(consolidate.getExecutionId(), VAR_CYCLE_ID)).isEqualTo(Q2);
        complete(consolidate, withVariables("summary", "本季度完成三项"));

        assertTask(task("reviewCycleReport", keyTask), "督查室审核周期报告", SUPERVISORS, "reviewCycleReport");
        complete(task("reviewCycleReport", keyTask), withVariables(VAR_DECISION, "RETURN", "reason", "数据不全"));
        assertThat(keyTask).isWaitingAt("consolidateCycleReport").isNotWaitingAt("reviewCycleReport");
        complete(task("consolidateCycleReport", keyTask));
        complete(task("reviewCycleReport", keyTask), withVariables(VAR_DECISION, "ACCEPT"));

        assertThat(keyTask).isWaitingAt("recordCycleAccepted");
        assertThat(recordCycleAccepted.calls()).isEmpty();
        execute(job("recordCycleAccepted", keyTask));

        assertThat(recordCycleAccepted.calls()).singleElement()
                .satisfies(call -> assertThat(call.variable(VAR_CYCLE_ID)).isEqualTo(Q2));
        assertThat(keyTask).isWaitingAtExactly("acceptAssignment").hasPassed("cycleDone");
        assertThat(timesPassed(keyTask, "consolidateCycleReport")).isEqualTo(2);
        assertThat(timesPassed(keyTask, "unitReports")).as("one call per unit report").isEqualTo(3);
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(keyTask.getId())
                .completed().count()).isEqualTo(3);
    }

    @Test
    void cycleWithoutReportsGoesStraightToConsolidation() {
        when(reportProcesses.reportIds(TASK_ID, Q2)).thenReturn(List.of());
        ProcessInstance keyTask = start(false);

        openCycle(keyTask, Q2);

        assertThat(reportsOf(keyTask)).isEmpty();
        assertThat(keyTask).isWaitingAt("confirmAssignment", "consolidateCycleReport");
    }

    @Test
    void twoCyclesOpenAtTheSameTimeKeepTheirOwnCycleId() {
        ProcessInstance keyTask = start(false);

        openCycle(keyTask, Q2);
        openCycle(keyTask, Q3);

        bothCyclesRunOnTheirOwnCycleId(keyTask);
    }

    @Test
    void cycleIdHandedToTheTriggeredScopeIsKeptPerCycleToo() {
        ProcessInstance keyTask = start(false);

        for (long cycleId : new long[] {Q2, Q3}) {
            runtimeService().createMessageCorrelation(MESSAGE_CYCLE_OPENED).processInstanceId(keyTask.getId())
                    .setVariableToTriggeredScope(VAR_CYCLE_ID, cycleId).correlate();
        }

        assertThat(runtimeService().getVariable(keyTask.getId(), VAR_CYCLE_ID)).isNull();
        bothCyclesRunOnTheirOwnCycleId(keyTask);
    }

    /** Q2 has one report, Q3 two; Q3 is accepted first, then Q2. */
    private void bothCyclesRunOnTheirOwnCycleId(ProcessInstance keyTask) {
        assertThat(reportsOf(keyTask)).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("2023-T23-BK501", "2023-T23-BK601", "2023-T23-BK602");
        reportsOf(keyTask).forEach(this::approveReport);

        List<Task> consolidations = taskQuery().processInstanceId(keyTask.getId())
                .taskDefinitionKey("consolidateCycleReport").list();
        assertThat(consolidations).extracting(t -> runtimeService().getVariable(t.getExecutionId(), VAR_CYCLE_ID))
                .containsExactlyInAnyOrder(Q2, Q3);

        Task q3 = consolidations.stream()
                .filter(t -> Long.valueOf(Q3).equals(runtimeService().getVariable(t.getExecutionId(), VAR_CYCLE_ID)))
                .findFirst().orElseThrow();
        complete(q3);
        complete(task("reviewCycleReport", keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        execute(job("recordCycleAccepted", keyTask));
        assertThat(recordCycleAccepted.calls()).extracting(call -> call.variable(VAR_CYCLE_ID)).containsExactly(Q3);

        Task q2 = task("consolidateCycleReport", keyTask);
        assertThat(runtimeService().getVariable(q2.getExecutionId(), VAR_CYCLE_ID)).isEqualTo(Q2);
        complete(q2);
        complete(task("reviewCycleReport", keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        execute(job("recordCycleAccepted", keyTask));
        assertThat(recordCycleAccepted.calls()).extracting(call -> call.variable(VAR_CYCLE_ID))
                .containsExactly(Q3, Q2);
        assertThat(keyTask).isWaitingAtExactly("confirmAssignment");
    }

    @Test
    void closureInvitedBeforeTheWorkPlanIsDoneGoesStraightToApplyForClosure() {
        ProcessInstance keyTask = start(false);
        complete(task(keyTask));
        complete(task(keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        runtimeService().setVariable(keyTask.getId(), VAR_CLOSURE_INVITED, true);

        complete(task("draftWorkPlan", keyTask));

        assertThat(keyTask).isWaitingAtExactly("applyForClosure").hasNotPassed("awaitClosureInvitation");
        assertTask(task(keyTask), "申请销号", LEAD_GROUP, "applyForClosure");
    }

    @Test
    void closureInvitationReleasesTheWaitingTaskThenClosureIsReturnedOnceAndAccepted() {
        ProcessInstance keyTask = start(false);
        complete(task(keyTask));
        complete(task(keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        complete(task(keyTask));
        assertThat(keyTask).isWaitingAtExactly("awaitClosureInvitation");

        runtimeService().createMessageCorrelation(MESSAGE_CLOSURE_INVITED).processInstanceId(keyTask.getId())
                .correlateAll();

        assertThat(keyTask).isWaitingAtExactly("applyForClosure");
        complete(task(keyTask), withVariables("evidence", "已完成全部里程碑"));
        assertTask(task(keyTask), "督查室审核销号", SUPERVISORS, "reviewClosure");
        complete(task(keyTask), withVariables(VAR_DECISION, "RETURN", "reason", "佐证材料不足"));

        assertThat(keyTask).isWaitingAtExactly("applyForClosure");
        complete(task(keyTask));
        complete(task("reviewClosure", keyTask), withVariables(VAR_DECISION, "ACCEPT"));

        assertThat(keyTask).isWaitingAtExactly("closeKeyTask");
        assertThat(closeKeyTask.calls()).isEmpty();
        execute(job("closeKeyTask", keyTask));

        assertThat(closeKeyTask.calls()).singleElement()
                .satisfies(call -> assertThat(call.variable(VAR_TASK_ID)).isEqualTo(TASK_ID));
        assertThat(keyTask).isEnded().hasPassed("taskClosed");
        assertThat(timesPassed(keyTask, "applyForClosure")).isEqualTo(2);
        assertThat(timesPassed(keyTask, "reviewClosure")).isEqualTo(2);
    }

    @Test
    void closingTheTaskEndsACycleThatIsStillRunningWithItsReports() {
        ProcessInstance keyTask = start(false);
        openCycle(keyTask, Q3);
        List<ProcessInstance> reports = reportsOf(keyTask);
        assertThat(reports).hasSize(2);
        bringToClosure(keyTask);
        complete(task("applyForClosure", keyTask));

        complete(task("reviewClosure", keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        execute(job("closeKeyTask", keyTask));

        assertThat(keyTask).isEnded().hasPassed("taskClosed").hasNotPassed("cycleDone");
        reports.forEach(report -> assertThat(report).isEnded().hasNotPassed("reportApproved"));
        assertThat(recordCycleAccepted.calls()).isEmpty();
    }

    /** As KeyTaskProcesses starts one per active task. */
    private ProcessInstance start(boolean runByOffice) {
        return runtimeService().startProcessInstanceByKey(KEY_TASK_SUPERVISION, TASK_CODE,
                Map.of(VAR_TASK_ID, TASK_ID, VAR_LEAD_GROUP, runByOffice ? SUPERVISORS : LEAD_GROUP,
                        VAR_RUN_BY_OFFICE, runByOffice, VAR_CLOSURE_INVITED, false));
    }

    /** As CycleService opens a cycle for each active task. */
    private static void openCycle(ProcessInstance keyTask, long cycleId) {
        runtimeService().createMessageCorrelation(MESSAGE_CYCLE_OPENED).processInstanceId(keyTask.getId())
                .setVariableLocal(VAR_CYCLE_ID, cycleId).correlate();
    }

    private static List<ProcessInstance> reportsOf(ProcessInstance keyTask) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(keyTask.getId()).list();
    }

    /** The clerk submits, the lead's reviewer approves, the approval is recorded: the called report ends. */
    private void approveReport(ProcessInstance report) {
        complete(task("fillReport", report));
        Task review = task("reviewReport", report);
        assertThat(review).hasCandidateGroup(LEAD_GROUP);
        complete(review, withVariables(VAR_DECISION, "APPROVE"));
        execute(job("recordApproval", report));
        assertThat(report).isEnded();
    }

    /** The work plan is done and 销号 invited (as ClosureInvitation does); the key task waits at applyForClosure. */
    private static void bringToClosure(ProcessInstance keyTask) {
        complete(task("confirmAssignment", keyTask));
        complete(task("acceptAssignment", keyTask), withVariables(VAR_DECISION, "ACCEPT"));
        complete(task("draftWorkPlan", keyTask));
        runtimeService().setVariable(keyTask.getId(), VAR_CLOSURE_INVITED, true);
        runtimeService().createMessageCorrelation(MESSAGE_CLOSURE_INVITED).processInstanceId(keyTask.getId())
                .correlateAll();
    }

    private static void assertTask(Task task, String name, String candidateGroup, String formId) {
        assertThat(task).hasName(name).hasCandidateGroup(candidateGroup);
        assertForm(task, formId);
    }

    private static long timesPassed(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }
}
