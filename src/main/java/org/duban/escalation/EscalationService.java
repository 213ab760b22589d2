package org.duban.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.notify.NotificationContent;
import org.duban.notify.NotificationKind;
import org.duban.notify.NotificationService;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportReviewedEvent;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportSubmittedEvent;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation of late work: the daily check the report process runs for its open fill-in and review steps (提醒 before
 * the due date, 催办 on it, 督办 to the unit leader and then to the supervision office after it, as the DMN policy
 * says), a supervisor's urging by hand, and the supervision office's cases. Each level is acted on once per stage,
 * recorded as an {@link Escalation} and an audit event, and notified.
 */
@Service
public class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);
    static final String HANDLE_SUPERVISION_CASE = "handleSupervisionCase";

    private final ProgressReportRepository reports;
    private final EscalationRepository escalations;
    private final EscalationPolicy policy;
    private final WorkingDayCalendar calendar;
    private final RuntimeService runtime;
    private final EngineTasks engineTasks;
    private final NotificationService notifications;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public EscalationService(ProgressReportRepository reports, EscalationRepository escalations,
            EscalationPolicy policy, WorkingDayCalendar calendar, RuntimeService runtime, EngineTasks engineTasks,
            NotificationService notifications, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.reports = reports;
        this.escalations = escalations;
        this.policy = policy;
        this.calendar = calendar;
        this.runtime = runtime;
        this.engineTasks = engineTasks;
        this.notifications = notifications;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The daily check of one report at one stage. Does nothing on non-working days, when the report is no longer at
     * that stage, or when the level the policy gives was already reached (so a repeated or late timer never acts
     * twice). Returns the escalation it recorded, if any.
     */
    @Transactional
    public java.util.Optional<Escalation> check(Long reportId, Escalation.Stage stage) {
        LocalDate today = LocalDate.now(clock);
        if (!calendar.isWorkingDay(today)) {
            return java.util.Optional.empty();
        }
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        LocalDate due = stage == Escalation.Stage.FILL ? report.getDueOn() : report.getReviewDueOn();
        boolean atStage = stage == Escalation.Stage.FILL ? report.getStatus().isEditableByClerk()
                || report.getStatus() == ReportStatus.AWAITING_SIGNOFF
                : report.getStatus() == ReportStatus.AWAITING_REVIEW;
        if (due == null || !atStage) {
            return java.util.Optional.empty();
        }
        int daysToDue = calendar.workingDaysBetween(today, due);
        EscalationPolicy.Verdict verdict = policy.evaluate(stage, daysToDue);
        if (verdict.level() == EscalationLevel.NONE
                || escalations.existsByReportIdAndStageAndLevel(reportId, stage, verdict.level())) {
            return java.util.Optional.empty();
        }
        Unit lateUnit = stage == Escalation.Stage.FILL ? report.getUnit() : report.getReviewerUnit();
        String reason = reason(stage, due, daysToDue);
        return java.util.Optional.of(escalate(report, lateUnit, stage, verdict.level(), verdict.recipients(), reason,
                "system"));
    }

    /** 催办 by hand: a supervisor urges the reporting unit (or the reviewing lead unit, if the report waits there). */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Escalation urge(Long reportId, String note) {
        DubanUserDetails user = currentUser.require();
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        if (report.getStatus() == ReportStatus.APPROVED) {
            throw new IllegalStateException("报告已审核通过，无需催办 / the report is already approved");
        }
        boolean atReview = report.getStatus() == ReportStatus.AWAITING_REVIEW;
        Unit lateUnit = atReview ? report.getReviewerUnit() : report.getUnit();
        List<String> roles = atReview ? List.of(Role.REVIEWER.name(), Role.UNIT_LEADER.name())
                : List.of(Role.CLERK.name(), Role.UNIT_LEADER.name());
        String reason = "督查室催办" + (note == null || note.isBlank() ? "" : "：" + note);
        return escalate(report, lateUnit, Escalation.Stage.MANUAL, EscalationLevel.URGE, roles, reason,
                user.getUsername());
    }

    /** The supervision office closes its case with a note on what it did. */
    @Transactional
    public void handleCase(String engineTaskId, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, HANDLE_SUPERVISION_CASE);
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("请填写督办处理情况 / a note on what was done is required");
        }
        Long escalationId = (Long) engineTasks.engine().getVariable(task.getId(), ProcessKeys.VAR_ESCALATION_ID);
        Escalation escalation = escalations.findById(escalationId).orElseThrow();
        escalation.resolve(clock.instant());
        engineTasks.complete(task, user, Map.of());
        audit.record(user.getUsername(), "SUPERVISION_CASE_HANDLED", "Escalation", String.valueOf(escalationId),
                note, null, null);
    }

    /** The late unit caught up: its submission resolves the fill-in escalations and closes their cases. */
    @EventListener
    public void onSubmitted(ReportSubmittedEvent event) {
        resolve(event.reportId(), Escalation.Stage.FILL);
    }

    /** The reviewing unit decided: its review escalations are resolved. */
    @EventListener
    public void onReviewed(ReportReviewedEvent event) {
        resolve(event.reportId(), Escalation.Stage.REVIEW);
    }

    @Transactional(readOnly = true)
    public List<Escalation> escalationsOf(Long reportId) {
        return escalations.findByReportIdOrderByOccurredAtAscIdAsc(reportId);
    }

    /** The 督办 queue: office-level escalations not yet resolved, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    public List<Escalation> openOfficeEscalations() {
        return escalations.findByLevelAndResolvedAtIsNullOrderByOccurredAt(EscalationLevel.ESCALATE_OFFICE);
    }

    private void resolve(Long reportId, Escalation.Stage stage) {
        for (Escalation escalation : escalations.findByReportIdAndResolvedAtIsNull(reportId)) {
            if (escalation.getStage() != stage && escalation.getStage() != Escalation.Stage.MANUAL) {
                continue;
            }
            escalation.resolve(clock.instant());
            if (escalation.getCaseInstanceId() != null) {
                runtime.createMessageCorrelation(ProcessKeys.MESSAGE_REPORT_CAUGHT_UP)
                        .processInstanceId(escalation.getCaseInstanceId()).correlateAll();
            }
        }
    }

    private Escalation escalate(ProgressReport report, Unit lateUnit, Escalation.Stage stage, EscalationLevel level,
            List<String> roles, String reason, String actor) {
        List<String> groups = new ArrayList<>();
        for (String role : roles) {
            Role r = Role.valueOf(role);
            groups.add(r == Role.SUPERVISOR || r == Role.ADMIN ? CandidateGroups.of(r)
                    : CandidateGroups.of(lateUnit.getCode(), r));
        }
        Escalation escalation = escalations.save(new Escalation(report.getTask(), report, lateUnit, stage, level,
                reason, String.join(",", groups), actor, clock.instant()));
        report.raiseEscalation(level);
        if (level == EscalationLevel.ESCALATE_OFFICE) {
            String caseKey = report.getBusinessKey() + "-DB-" + stage.name();
            String caseId = runtime.startProcessInstanceByKey(ProcessKeys.SUPERVISION_CASE, caseKey,
                    Map.of(ProcessKeys.VAR_REPORT_ID, report.getId(), ProcessKeys.VAR_ESCALATION_ID,
                            escalation.getId())).getId();
            escalation.linkCase(caseId);
        }
        NotificationKind kind = switch (level) {
            case REMINDER -> NotificationKind.DUE_SOON;
            case URGE -> NotificationKind.URGED;
            default -> NotificationKind.ESCALATED;
        };
        NotificationContent content = new NotificationContent(report.getTask().getCode(), report.getTask().getTitle(),
                lateUnit.getName(), report.getCycle().getPeriodCode(), reason,
                stage == Escalation.Stage.REVIEW ? report.getReviewDueOn() : report.getDueOn(), actor,
                "report/" + report.getId());
        groups.forEach(group -> notifications.notifyGroup(kind, group, content));
        audit.record(actor, "ESCALATION_" + level.name(), "ProgressReport", report.getBusinessKey(),
                stage + " " + level + ": " + reason + " → " + String.join(",", groups), null, level.name());
        log.debug("{} {} {} → {}", report.getBusinessKey(), stage, level, groups);
        return escalation;
    }

    private static String reason(Escalation.Stage stage, LocalDate due, int daysToDue) {
        String what = stage == Escalation.Stage.FILL ? "填报" : "审核";
        if (daysToDue > 0) {
            return what + "截止 " + due + "，还剩 " + daysToDue + " 个工作日";
        }
        if (daysToDue == 0) {
            return what + "今日（" + due + "）截止";
        }
        return what + "截止 " + due + "，已逾期 " + (-daysToDue) + " 个工作日";
    }
}
