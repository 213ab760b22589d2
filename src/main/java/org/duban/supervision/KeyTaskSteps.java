package org.duban.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.Indicator;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.TaskAssignment;
import org.duban.org.Unit;
import org.duban.org.UnitDirectory;
import org.duban.org.UnitRepository;
import org.duban.org.UnitService;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key-task level steps: the supervisor confirms the assignment; the primary lead accepts it or asks for an
 * adjustment, which the supervisor decides; the lead drafts the work plan; each cycle the lead consolidates a task
 * report that the supervisor accepts or returns; at the end the lead applies for closure (销号), which the supervisor
 * decides. Candidate groups in the BPMN say who may act; the checks here repeat it on the server.
 */
@Service
public class KeyTaskSteps {

    static final String CONFIRM_ASSIGNMENT = "confirmAssignment";
    static final String ACCEPT_ASSIGNMENT = "acceptAssignment";
    static final String DECIDE_ADJUSTMENT = "decideAdjustment";
    static final String DRAFT_WORK_PLAN = "draftWorkPlan";
    /** Audit action keeping the values of form fields an admin added to a step's form in Modeler. */
    public static final String STEP_EXTRA_FIELDS = "STEP_EXTRA_FIELDS";
    static final String CONSOLIDATE_CYCLE_REPORT = "consolidateCycleReport";
    static final String REVIEW_CYCLE_REPORT = "reviewCycleReport";
    static final String APPLY_FOR_CLOSURE = "applyForClosure";
    static final String REVIEW_CLOSURE = "reviewClosure";

    /** A participant's share of one indicator in the work plan. */
    public record ShareInput(Long indicatorId, String unitCode, java.math.BigDecimal value) {
    }

    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final KeyTaskRepository tasks;
    private final UnitRepository units;
    private final UnitService unitService;
    private final ReportingCycleRepository cycles;
    private final WorkPlanRepository workPlans;
    private final CycleTaskReportRepository cycleReports;
    private final ClosureApplicationRepository closures;
    private final AssignmentAdjustmentRepository adjustments;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    public KeyTaskSteps(EngineTasks engineTasks, TaskService taskService, RuntimeService runtime,
            KeyTaskRepository tasks, UnitRepository units, UnitService unitService, ReportingCycleRepository cycles,
            WorkPlanRepository workPlans, CycleTaskReportRepository cycleReports,
            ClosureApplicationRepository closures, AssignmentAdjustmentRepository adjustments,
            CurrentUser currentUser, AuditService audit, Clock clock) {
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.runtime = runtime;
        this.tasks = tasks;
        this.units = units;
        this.unitService = unitService;
        this.cycles = cycles;
        this.workPlans = workPlans;
        this.cycleReports = cycleReports;
        this.closures = closures;
        this.adjustments = adjustments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void confirmAssignment(String engineTaskId, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, CONFIRM_ASSIGNMENT);
        KeyTask keyTask = keyTaskOf(task);
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "ASSIGNMENT_CONFIRMED", "KeyTask", keyTask.getCode(), note, null,
                unitsOf(keyTask));
    }

    /** The primary lead accepts, or asks for an adjustment with a reason. */
    @Transactional
    public void acceptAssignment(String engineTaskId, boolean accept, String reason) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, ACCEPT_ASSIGNMENT);
        KeyTask keyTask = keyTaskOf(task);
        if (!accept) {
            requireText(reason, "调整理由 / reason for the adjustment");
            adjustments.save(new AssignmentAdjustment(keyTask, user.getUsername(), clock.instant(), reason));
        }
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, accept ? "ACCEPT" : "REQUEST_ADJUSTMENT"));
        audit.record(user.getUsername(), accept ? "ASSIGNMENT_ACCEPTED" : "ADJUSTMENT_REQUESTED", "KeyTask",
                keyTask.getCode(), reason, null, null);
    }

    /**
     * The supervisor decides an adjustment request. Approving with a new primary lead moves the lead role there and
     * hands the lead's steps to that unit; either way the task goes back to the (possibly new) lead to accept.
     */
    @Transactional
    public void decideAdjustment(String engineTaskId, boolean approve, String newPrimaryLead, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, DECIDE_ADJUSTMENT);
        KeyTask keyTask = keyTaskOf(task);
        AssignmentAdjustment request = adjustments.findByTaskIdOrderByRequestedAt(keyTask.getId()).stream()
                .filter(a -> a.getStatus() == AssignmentAdjustment.Status.REQUESTED).reduce((a, b) -> b)
                .orElseThrow(() -> new SupervisionException("没有待审定的调整申请 / no open adjustment request"));
        String before = unitsOf(keyTask);
        if (approve && newPrimaryLead != null && !newPrimaryLead.isBlank()) {
            UnitDirectory directory = unitService.snapshot();
            Unit lead = directory.resolve(newPrimaryLead).flatMap(ref -> units.findByCode(ref.code()))
                    .orElseThrow(() -> new SupervisionException("没有此单位 / no such unit: " + newPrimaryLead));
            keyTask.changePrimaryLead(lead);
            runtime.setVariable(task.getProcessInstanceId(), ProcessKeys.VAR_LEAD_GROUP,
                    KeyTaskProcesses.leadGroupOf(keyTask));
        }
        request.decide(approve, note, user.getUsername(), clock.instant());
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, approve ? "APPROVE" : "REJECT"));
        audit.record(user.getUsername(), approve ? "ADJUSTMENT_APPROVED" : "ADJUSTMENT_REJECTED", "KeyTask",
                keyTask.getCode(), note, before, unitsOf(keyTask));
    }

    /**
     * The lead's work plan: milestones, each participant's share of each indicator, and — for tasks with several lead
     * units — which co-lead reviews which participant (unit code → reviewing lead's unit code).
     */
    @Transactional
    public WorkPlan submitWorkPlan(String engineTaskId, String milestones, String splitNote,
            List<ShareInput> shares, Map<String, String> reviewerByParticipant) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, DRAFT_WORK_PLAN);
        KeyTask keyTask = keyTaskOf(task);
        requireText(milestones, "工作节点安排 / milestones");
        WorkPlan plan = workPlans.findByTaskId(keyTask.getId()).orElseGet(() -> workPlans.save(new WorkPlan(keyTask)));
        plan.write(milestones, splitNote);
        if (shares != null) {
            // null: the caller (the generic task form) has no share fields, so the shares saved earlier stay
            plan.replaceShares(shares.stream().map(s -> share(keyTask, s)).toList());
        }
        if (reviewerByParticipant != null) {
            reviewerByParticipant.forEach((participant, reviewer) -> assignReviewer(keyTask, participant, reviewer));
        }
        plan.submit(user.getUsername(), clock.instant());
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "WORK_PLAN_SUBMITTED", "KeyTask", keyTask.getCode(),
                (shares == null ? 0 : shares.size()) + " shares; " + (splitNote == null ? "" : splitNote), null,
                milestones);
        return plan;
    }

    /** The work plan's split as the lead drafts it: indicators, reporting units, possible reviewers, choices so far. */
    @Transactional(readOnly = true)
    public WorkPlanSheet workPlanSheet(String engineTaskId) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, DRAFT_WORK_PLAN);
        KeyTask keyTask = keyTaskOf(task);
        List<WorkPlanSheet.Target> indicators = keyTask.getIndicators().stream().map(i -> new WorkPlanSheet.Target(
                i.getId(), i.getPhrase(), i.getTargetValue(), i.getMeasureUnit(), i.getComparator())).toList();
        List<TaskAssignment> reporting = keyTask.getAssignments().stream()
                .filter(a -> a.getRole() != AssignmentRole.PRIMARY_LEAD).toList();
        List<WorkPlanSheet.UnitRef> leads = keyTask.getAssignments().stream().filter(a -> a.getRole().isLead())
                .map(a -> new WorkPlanSheet.UnitRef(a.getUnit().getCode(), a.getUnit().getName())).toList();
        Map<String, java.math.BigDecimal> shares = new java.util.LinkedHashMap<>();
        workPlans.findByTaskId(keyTask.getId()).ifPresent(plan -> plan.getShares().forEach(share -> shares.put(
                WorkPlanSheet.key(share.getIndicator().getId(), share.getUnit().getCode()), share.getValue())));
        String primary = keyTask.primaryLead().map(Unit::getCode).orElse(null);
        Map<String, String> reviewers = new java.util.LinkedHashMap<>();
        reporting.forEach(a -> reviewers.put(a.getUnit().getCode(),
                a.getReviewerUnit() != null ? a.getReviewerUnit().getCode() : primary));
        return new WorkPlanSheet(indicators, reporting.stream()
                .map(a -> new WorkPlanSheet.UnitRef(a.getUnit().getCode(), a.getUnit().getName())).toList(), leads,
                shares, reviewers);
    }

    /** The primary lead's consolidated report for the cycle the task belongs to. */
    @Transactional
    public void consolidateCycleReport(String engineTaskId, String summary) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, CONSOLIDATE_CYCLE_REPORT);
        requireText(summary, "本期汇总情况 / summary");
        KeyTask keyTask = keyTaskOf(task);
        ReportingCycle cycle = cycleOf(task);
        CycleTaskReport report = cycleReports.findByTaskIdAndCycleId(keyTask.getId(), cycle.getId())
                .orElseGet(() -> cycleReports.save(new CycleTaskReport(keyTask, cycle)));
        report.submit(summary, user.getUsername(), clock.instant());
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "CYCLE_REPORT_SUBMITTED", "KeyTask", keyTask.getCode(),
                cycle.getPeriodCode(), null, summary);
    }

    @Transactional
    public void decideCycleReport(String engineTaskId, boolean accept, String reason) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, REVIEW_CYCLE_REPORT);
        if (!accept) {
            requireText(reason, "退回理由 / reason");
        }
        KeyTask keyTask = keyTaskOf(task);
        ReportingCycle cycle = cycleOf(task);
        CycleTaskReport report = cycleReports.findByTaskIdAndCycleId(keyTask.getId(), cycle.getId())
                .orElseThrow(() -> new SupervisionException("周期报告尚未报送 / the cycle report was not submitted"));
        report.decide(accept, reason, user.getUsername(), clock.instant());
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, accept ? "ACCEPT" : "RETURN"));
        audit.record(user.getUsername(), accept ? "CYCLE_REPORT_ACCEPTED" : "CYCLE_REPORT_RETURNED", "KeyTask",
                keyTask.getCode(), cycle.getPeriodCode() + (reason == null ? "" : "：" + reason), null, null);
    }

    /** 销号申请 with the evidence that the task's targets are met. */
    @Transactional
    public ClosureApplication applyForClosure(String engineTaskId, String evidence) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, APPLY_FOR_CLOSURE);
        requireText(evidence, "完成情况及佐证 / evidence");
        KeyTask keyTask = keyTaskOf(task);
        ClosureApplication application = closures.save(new ClosureApplication(keyTask, evidence, user.getUsername(),
                clock.instant()));
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "CLOSURE_APPLIED", "KeyTask", keyTask.getCode(), null, null, evidence);
        return application;
    }

    @Transactional
    public void decideClosure(String engineTaskId, boolean accept, String reason) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, REVIEW_CLOSURE);
        if (!accept) {
            requireText(reason, "退回理由 / reason");
        }
        KeyTask keyTask = keyTaskOf(task);
        ClosureApplication application = closures.findByTaskIdOrderByAppliedAt(keyTask.getId()).stream()
                .filter(a -> a.getStatus() == ClosureApplication.Status.SUBMITTED).reduce((a, b) -> b)
                .orElseThrow(() -> new SupervisionException("没有待审核的销号申请 / no open closure application"));
        application.decide(accept, reason, user.getUsername(), clock.instant());
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, accept ? "ACCEPT" : "RETURN"));
        audit.record(user.getUsername(), accept ? "CLOSURE_ACCEPTED" : "CLOSURE_RETURNED", "KeyTask",
                keyTask.getCode(), reason, null, null);
    }

    /** Lets the lead apply for closure before the last cycle (a supervisor's call, e.g. for a target met early). */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SUPERVISOR')")
    public void inviteClosure(Long keyTaskId) {
        DubanUserDetails user = currentUser.require();
        KeyTask keyTask = tasks.findById(keyTaskId).orElseThrow(() -> new NotFoundException("No task " + keyTaskId));
        String processInstanceId = processInstanceOf(keyTask);
        if (Boolean.TRUE.equals(runtime.getVariable(processInstanceId, ProcessKeys.VAR_CLOSURE_INVITED))
                || closureStepOpen(processInstanceId)) {
            throw new SupervisionException("任务 " + keyTask.getCode() + " 已可申请销号，无需再次邀请 / task "
                    + keyTask.getCode() + " may already apply for closure");
        }
        ClosureInvitation.invite(runtime, processInstanceId);
        audit.record(user.getUsername(), "CLOSURE_INVITED", "KeyTask", keyTask.getCode(), null, null, null);
    }

    /**
     * Whether the current user may invite the task's lead to apply for closure now: a supervisor, the task's process
     * running, and the way to closure not open yet (neither invited nor at the closure steps).
     */
    @Transactional(readOnly = true)
    public boolean closureInvitable(Long keyTaskId) {
        if (currentUser.find().map(u -> !u.hasRole(org.duban.org.Role.SUPERVISOR)).orElse(true)) {
            return false;
        }
        KeyTask keyTask = tasks.findById(keyTaskId).orElse(null);
        if (keyTask == null || keyTask.getStatus() != org.duban.catalog.TaskStatus.ACTIVE) {
            return false;
        }
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION)
                .processInstanceBusinessKey(keyTask.getCode())
                .variableValueEquals(ProcessKeys.VAR_TASK_ID, keyTask.getId()).singleResult();
        return instance != null
                && !Boolean.TRUE.equals(runtime.getVariable(instance.getId(), ProcessKeys.VAR_CLOSURE_INVITED))
                && !closureStepOpen(instance.getId());
    }

    private boolean closureStepOpen(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(APPLY_FOR_CLOSURE, REVIEW_CLOSURE).count() > 0;
    }

    private String processInstanceOf(KeyTask keyTask) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION)
                .processInstanceBusinessKey(keyTask.getCode())
                .variableValueEquals(ProcessKeys.VAR_TASK_ID, keyTask.getId()).singleResult();
        if (instance == null) {
            throw new SupervisionException("任务 " + keyTask.getCode() + " 没有运行中的督办流程 / no running process");
        }
        return instance.getId();
    }

    private KeyTask keyTaskOf(Task task) {
        Long id = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_TASK_ID);
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("No key task " + id));
    }

    private ReportingCycle cycleOf(Task task) {
        Long id = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_CYCLE_ID);
        return cycles.findById(id).orElseThrow(() -> new NotFoundException("No reporting cycle " + id));
    }

    private WorkPlan.Share share(KeyTask keyTask, ShareInput input) {
        Indicator indicator = keyTask.getIndicators().stream().filter(i -> i.getId().equals(input.indicatorId()))
                .findFirst().orElseThrow(() -> new SupervisionException("指标不属于此任务 / indicator "
                        + input.indicatorId() + " is not part of " + keyTask.getCode()));
        Unit unit = participant(keyTask, input.unitCode()).getUnit();
        if (input.value() == null || input.value().signum() < 0) {
            throw new SupervisionException("分解值不能为空或负数 / a share must be zero or more");
        }
        return new WorkPlan.Share(indicator, unit, input.value());
    }

    private void assignReviewer(KeyTask keyTask, String participantCode, String reviewerCode) {
        TaskAssignment participant = participant(keyTask, participantCode);
        TaskAssignment reviewer = keyTask.getAssignments().stream()
                .filter(a -> a.getRole().isLead() && a.getUnit().getCode().equals(reviewerCode)).findFirst()
                .orElseThrow(() -> new SupervisionException(reviewerCode + " 不是此任务的牵头单位 / is not a lead unit of "
                        + keyTask.getCode()));
        if (reviewer.getUnit().equals(participant.getUnit())) {
            throw new SupervisionException(participant.getUnit().getName() + " 不能审核本单位的报告 / "
                    + participantCode + " cannot review its own reports");
        }
        participant.setReviewerUnit(reviewer.getUnit());
    }

    private static TaskAssignment participant(KeyTask keyTask, String unitCode) {
        return keyTask.getAssignments().stream()
                .filter(a -> a.getRole() != AssignmentRole.PRIMARY_LEAD && a.getUnit().getCode().equals(unitCode))
                .findFirst().orElseThrow(() -> new SupervisionException(unitCode + " 不是此任务的参与单位 / is not a "
                        + "participant of " + keyTask.getCode()));
    }

    static String unitsOf(KeyTask keyTask) {
        return keyTask.getAssignments().stream().map(a -> a.getRole() + ":" + a.getUnit().getCode())
                .collect(Collectors.joining(","));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new SupervisionException("请填写" + what);
        }
    }
}
