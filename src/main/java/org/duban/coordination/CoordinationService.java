package org.duban.coordination;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.notify.NotificationContent;
import org.duban.notify.NotificationKind;
import org.duban.notify.NotificationService;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.org.UnitRepository;
import org.duban.org.UnitService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportSubmittedEvent;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题协调, the closed loop of task 95 (发现、协调、解决、反馈): a problem raised in a report is triaged by the
 * supervisor, answered by a coordinating unit, and confirmed or reopened by the unit that raised it.
 */
@Service
public class CoordinationService {

    static final String TRIAGE = "triageCoordination";
    static final String RESPOND = "respondCoordination";
    static final String CONFIRM = "confirmResolution";

    private final CoordinationRequestRepository requests;
    private final ProgressReportRepository reports;
    private final UnitRepository units;
    private final UnitService unitService;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final EngineTasks engineTasks;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Clock clock;

    public CoordinationService(CoordinationRequestRepository requests, ProgressReportRepository reports,
            UnitRepository units, UnitService unitService, RuntimeService runtime, TaskService taskService,
            EngineTasks engineTasks, CurrentUser currentUser, AuditService audit, NotificationService notifications,
            Clock clock) {
        this.requests = requests;
        this.reports = reports;
        this.units = units;
        this.unitService = unitService;
        this.runtime = runtime;
        this.taskService = taskService;
        this.engineTasks = engineTasks;
        this.currentUser = currentUser;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A report submitted with 需要协调 raises a request with its problems, once per report. */
    @EventListener
    public void onReportSubmitted(ReportSubmittedEvent event) {
        if (event.needsCoordination() && requests.countByReportId(event.reportId()) == 0) {
            ProgressReport report = reports.findById(event.reportId()).orElseThrow();
            String problem = event.problems() == null || event.problems().isBlank() ? "（报告中未写明问题）"
                    : event.problems();
            raise(report, problem, event.submittedBy());
        }
    }

    CoordinationRequest raise(ProgressReport report, String problem, String raisedBy) {
        long number = requests.countByReportId(report.getId()) + 1;
        String key = report.getBusinessKey() + "-XT" + number;
        CoordinationRequest request = requests.save(new CoordinationRequest(key, report.getTask(), report,
                report.getUnit(), raisedBy, problem, clock.instant()));
        runtime.startProcessInstanceByKey(ProcessKeys.COORDINATION_REQUEST, key, Map.of(
                ProcessKeys.VAR_REQUEST_ID, request.getId(),
                ProcessKeys.VAR_RAISER_GROUP, CandidateGroups.of(report.getUnit().getCode(), Role.CLERK)));
        audit.record(raisedBy, "COORDINATION_RAISED", "CoordinationRequest", key, problem, null, null);
        notifications.notifyGroup(NotificationKind.COORDINATION_REQUESTED, CandidateGroups.of(Role.SUPERVISOR),
                content(request, problem, raisedBy));
        return request;
    }

    /** The supervisor assigns a coordinating unit, or declines the request (with a note). */
    @Transactional
    public void triage(String engineTaskId, boolean assign, String coordinatingUnit, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, TRIAGE);
        CoordinationRequest request = requestOf(task);
        if (assign) {
            Unit unit = unitService.snapshot().resolve(coordinatingUnit == null ? "" : coordinatingUnit)
                    .flatMap(ref -> units.findByCode(ref.code()))
                    .orElseThrow(() -> new IllegalArgumentException("请选择协调单位 / choose an existing coordinating unit: "
                            + coordinatingUnit));
            request.assign(unit, note);
            runtime.setVariable(task.getProcessInstanceId(), ProcessKeys.VAR_COORDINATOR_GROUP,
                    CandidateGroups.of(unit.getCode(), Role.CLERK));
            notifications.notifyGroup(NotificationKind.COORDINATION_REQUESTED,
                    CandidateGroups.of(unit.getCode(), Role.CLERK), content(request, request.getProblem(),
                            user.getUsername()));
        } else {
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("不予受理须说明理由 / declining needs a note");
            }
            request.reject(note, clock.instant());
        }
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, assign ? "ASSIGN" : "REJECT"));
        audit.record(user.getUsername(), assign ? "COORDINATION_ASSIGNED" : "COORDINATION_REJECTED",
                "CoordinationRequest", request.getBusinessKey(),
                (assign ? request.getCoordinatingUnit().getName() + " " : "") + (note == null ? "" : note), null,
                null);
    }

    @Transactional
    public void respond(String engineTaskId, String response) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, RESPOND);
        if (response == null || response.isBlank()) {
            throw new IllegalArgumentException("请填写办理情况 / a response is required");
        }
        CoordinationRequest request = requestOf(task);
        request.answer(response);
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "COORDINATION_ANSWERED", "CoordinationRequest", request.getBusinessKey(),
                response, null, null);
        notifications.notifyGroup(NotificationKind.COORDINATION_REQUESTED,
                CandidateGroups.of(request.getRaisedByUnit().getCode(), Role.CLERK),
                content(request, response, user.getUsername()));
    }

    /** The raising unit confirms the problem is solved, or reopens it (with a note) for another round. */
    @Transactional
    public void confirm(String engineTaskId, boolean solved, String comment) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, CONFIRM);
        CoordinationRequest request = requestOf(task);
        if (solved) {
            request.confirm(clock.instant());
        } else {
            if (comment == null || comment.isBlank()) {
                throw new IllegalArgumentException("重新协调须说明原因 / reopening needs a note");
            }
            request.reopen();
        }
        engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, solved ? "CONFIRM" : "REOPEN"));
        audit.record(user.getUsername(), solved ? "COORDINATION_RESOLVED" : "COORDINATION_REOPENED",
                "CoordinationRequest", request.getBusinessKey(), comment, null, null);
    }

    @Transactional(readOnly = true)
    public java.util.List<CoordinationRequest> requestsOfTask(Long taskId) {
        return requests.findByTaskIdOrderByCreatedAt(taskId);
    }

    private CoordinationRequest requestOf(Task task) {
        Long id = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_REQUEST_ID);
        return requests.findById(id).orElseThrow(() -> new NotFoundException("No coordination request " + id));
    }

    private static NotificationContent content(CoordinationRequest request, String text, String actor) {
        return new NotificationContent(request.getTask().getCode(), request.getTask().getTitle(),
                request.getRaisedByUnit().getName(),
                request.getReport() == null ? null : request.getReport().getCycle().getPeriodCode(), text, null,
                actor, "inbox"); // the step to act on is in the inbox, which opens its form
    }
}
