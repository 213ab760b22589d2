package org.duban.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.ConcurrentChanges;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormSchema;
import org.duban.workflow.forms.FormValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk's work on a progress report: save a draft, submit, withdraw before review starts. Every value is checked
 * against the form deployed with the report's process version, and the report, its process and the audit trail
 * change in one transaction. Whoever loses a race with another user's change gets a ConcurrentChangeException.
 */
@Service
public class ReportService {

    static final String FILL_REPORT = "fillReport";
    static final String SIGN_OFF_REPORT = "signOffReport";
    static final String REVIEW_REPORT = "reviewReport";

    private final ProgressReportRepository reports;
    private final ReportSnapshotRepository snapshots;
    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final FormDefinitions forms;
    private final WorkingDayCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int reviewWorkingDays;
    private final ConcurrentChanges concurrentChanges;

    public ReportService(ProgressReportRepository reports, ReportSnapshotRepository snapshots, EngineTasks engineTasks,
            TaskService taskService, RuntimeService runtime, FormDefinitions forms, WorkingDayCalendar calendar,
            CurrentUser currentUser, AuditService audit, ApplicationEventPublisher events, Clock clock,
            @Value("${duban.review.working-days:5}") int reviewWorkingDays, ConcurrentChanges concurrentChanges) {
        this.reports = reports;
        this.snapshots = snapshots;
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.runtime = runtime;
        this.forms = forms;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.reviewWorkingDays = reviewWorkingDays;
        this.concurrentChanges = concurrentChanges;
    }

    /** Saves what the clerk wrote so far without submitting; required fields may still be empty. */
    @Transactional
    public void saveDraft(Long reportId, Map<String, Object> values) {
        concurrentChanges.guard(() -> {
            DubanUserDetails user = currentUser.require();
            ProgressReport report = clerksReport(reportId, user);
            Task fill = fillTaskOf(report);
            write(report, fill, values, true);
            audit.record(user.getUsername(), "DRAFT_SAVED", "ProgressReport", report.getBusinessKey(),
                    "草稿已保存 / draft saved", null, ReportForm.snapshot(report));
        });
    }

    /** Submits the report from the clerk's fill-in task: to the unit leader's sign-off, or straight to review. */
    @Transactional
    public void submit(String engineTaskId, Map<String, Object> values) {
        concurrentChanges.guard(() -> {
            DubanUserDetails user = currentUser.require();
            Task task = engineTasks.requireActionable(engineTaskId, user, FILL_REPORT);
            ProgressReport report = reportOf(task);
            requireClerkOf(report, user);
            write(report, task, values, false);
            boolean signoff = report.getUnit().isLeaderSignoff();
            ReportStatus before = report.getStatus();
            report.submit(clock.instant(), user.getUsername(), signoff, reviewDue());
            snapshots.save(new ReportSnapshot(report, report.getRevision(), ReportForm.snapshot(report),
                    clock.instant(), user.getUsername()));
            engineTasks.complete(task, user, Map.of());
            audit.record(user.getUsername(), "REPORT_SUBMITTED", "ProgressReport", report.getBusinessKey(),
                    "第" + report.getRevision() + "次报送 / submission " + report.getRevision(), before.name(),
                    report.getStatus().name());
            events.publishEvent(new ReportSubmittedEvent(report.getId(), user.getUsername(),
                    report.isNeedsCoordination(), report.getProblems()));
        });
    }

    /**
     * 撤回: the clerk takes a submitted report back, as long as nobody has started on it (the sign-off or review task
     * is still unclaimed).
     */
    @Transactional
    public void withdraw(Long reportId, String reason) {
        concurrentChanges.guard(() -> {
            DubanUserDetails user = currentUser.require();
            ProgressReport report = clerksReport(reportId, user);
            Task waiting = taskService.createTaskQuery().processInstanceId(report.getProcessInstanceId())
                    .taskDefinitionKeyIn(SIGN_OFF_REPORT, REVIEW_REPORT).singleResult();
            if (waiting == null) {
                throw new ReportStateException(report.getBusinessKey(), "撤回 withdraw", report.getStatus());
            }
            if (waiting.getAssignee() != null) {
                throw new WorkflowAccessException("“" + waiting.getName() + "”已由 " + waiting.getAssignee()
                        + " 办理中，不能撤回 / " + waiting.getAssignee()
                        + " has started on it: it can no longer be withdrawn");
            }
            ReportStatus before = report.getStatus();
            report.withdraw();
            runtime.createMessageCorrelation(ProcessKeys.MESSAGE_REPORT_WITHDRAWN)
                    .processInstanceId(report.getProcessInstanceId()).correlate();
            audit.record(user.getUsername(), "REPORT_WITHDRAWN", "ProgressReport", report.getBusinessKey(),
                    reason == null || reason.isBlank() ? "撤回 / withdrawn" : reason, before.name(),
                    report.getStatus().name());
        });
    }

    /** The report's form values (what the form shows), for a user who may see the report. */
    @Transactional(readOnly = true)
    public Map<String, Object> formValues(Long reportId) {
        return ReportForm.toValues(reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId)));
    }

    @Transactional(readOnly = true)
    public List<ReportSnapshot> submissions(Long reportId) {
        return snapshots.findByReportIdOrderByRevision(reportId);
    }

    /** The date the review of a report submitted today is due. */
    public LocalDate reviewDue() {
        return calendar.addWorkingDays(LocalDate.now(clock), reviewWorkingDays);
    }

    private void write(ProgressReport report, Task fillTask, Map<String, Object> values, boolean draft) {
        FormSchema schema = forms.forTask(fillTask);
        FormValidator.requireValid(schema, values, draft);
        ReportContent content = ReportForm.toContent(values, report.getTask().getIndicators(), schema);
        report.write(content, ReportForm.extraFieldsJson(content.extraFields()));
    }

    private ProgressReport clerksReport(Long reportId, DubanUserDetails user) {
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        requireClerkOf(report, user);
        return report;
    }

    private static void requireClerkOf(ProgressReport report, DubanUserDetails user) {
        if (!user.hasRole(Role.CLERK) || !user.getUnitCode().equals(report.getUnit().getCode())) {
            throw new WorkflowAccessException("只有" + report.getUnit().getName() + "的经办人可以填报此报告 / only clerks of "
                    + report.getUnit().getCode() + " may write this report");
        }
    }

    private Task fillTaskOf(ProgressReport report) {
        Task fill = taskService.createTaskQuery().processInstanceId(report.getProcessInstanceId())
                .taskDefinitionKey(FILL_REPORT).initializeFormKeys().singleResult();
        if (fill == null) {
            throw new ReportStateException(report.getBusinessKey(), "编辑 edit", report.getStatus());
        }
        return fill;
    }

    ProgressReport reportOf(Task task) {
        // the report row knows its process instance: one indexed select instead of an engine command (benchmarks.md)
        Optional<ProgressReport> linked = reports.findByProcessInstanceId(task.getProcessInstanceId());
        if (linked.isPresent()) {
            return linked.get();
        }
        Long reportId = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_REPORT_ID);
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("No progress report " + reportId));
    }
}
