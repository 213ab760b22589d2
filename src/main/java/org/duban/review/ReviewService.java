package org.duban.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.notify.NotificationContent;
import org.duban.notify.NotificationKind;
import org.duban.notify.NotificationService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportDecisions;
import org.duban.reporting.ReportReviewedEvent;
import org.duban.reporting.ReportService;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.ConcurrentChanges;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions on reports: the unit leader's sign-off, the lead unit's review (approve, return to the clerk, return to
 * the leader's sign-off), bulk approval, co-reviewers (加签) and copies (抄送). Each decision is recorded, audited and
 * routed in the report's process in one transaction. The loser of a race with another decision on the same report
 * gets a ConcurrentChangeException.
 */
@Service
public class ReviewService {

    static final String SIGN_OFF_REPORT = "signOffReport";
    static final String REVIEW_REPORT = "reviewReport";

    public enum ReviewOutcome {
        APPROVE, RETURN_TO_CLERK, RETURN_TO_LEADER
    }

    /** Where a copy of a decision goes. */
    public enum CopyTarget {
        UNIT_LEADER, SUPERVISION_OFFICE
    }

    public record BulkResult(String engineTaskId, boolean approved, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final ProgressReportRepository reports;
    private final ReportDecisions reportDecisions;
    private final ReportService reportService;
    private final ReviewDecisionRepository decisions;
    private final CoReviewRepository coReviews;
    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate eachInItsOwnTransaction;
    private final Clock clock;
    private final ConcurrentChanges concurrentChanges;

    public ReviewService(EngineTasks engineTasks, TaskService taskService, ProgressReportRepository reports,
            ReportDecisions reportDecisions, ReportService reportService, ReviewDecisionRepository decisions,
            CoReviewRepository coReviews, AppUserRepository users, CurrentUser currentUser, AuditService audit,
            NotificationService notifications, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock, ConcurrentChanges concurrentChanges) {
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.reports = reports;
        this.reportDecisions = reportDecisions;
        this.reportService = reportService;
        this.decisions = decisions;
        this.coReviews = coReviews;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.eachInItsOwnTransaction = new TransactionTemplate(transactionManager);
        this.eachInItsOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.concurrentChanges = concurrentChanges;
    }

    /** The unit leader approves the report for review, or returns it to the clerk (a comment is then required). */
    @Transactional
    public void signOff(String engineTaskId, boolean approve, String comment) {
        concurrentChanges.guard(() -> {
            DubanUserDetails user = currentUser.require();
            Task task = engineTasks.requireActionable(engineTaskId, user, SIGN_OFF_REPORT);
            ProgressReport report = reportOf(task);
            requireRole(user, Role.UNIT_LEADER, report.getUnit().getCode(), report);
            String before = report.getStatus().name();
            if (approve) {
                reportDecisions.signedOff(report, reportService.reviewDue());
            } else {
                requireReason(comment);
                reportDecisions.returnedByLeader(report);
            }
            decisions.save(new ReviewDecision(report, ReviewDecision.Stage.SIGN_OFF,
                    approve ? ReviewDecision.Outcome.APPROVED : ReviewDecision.Outcome.RETURNED_TO_CLERK, comment, null,
                    user.getUsername(), clock.instant()));
            engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, approve ? "APPROVE" : "RETURN"));
            audit.record(user.getUsername(), approve ? "REPORT_SIGNED_OFF" : "REPORT_RETURNED_BY_LEADER",
                    "ProgressReport", report.getBusinessKey(), comment, before, report.getStatus().name());
            if (!approve) {
                notifications.notifyGroup(NotificationKind.RETURNED,
                        CandidateGroups.of(report.getUnit().getCode(), Role.CLERK), content(report, comment, user));
            }
        });
    }

    /**
     * The lead unit's decision. Returning needs a reason; comments on fields may say what to fix. Refused while a
     * co-reviewer's opinion is outstanding.
     */
    @Transactional
    public void review(String engineTaskId, ReviewOutcome outcome, String reason, Map<String, String> fieldComments) {
        concurrentChanges.guard(() -> {
            DubanUserDetails user = currentUser.require();
            Task task = engineTasks.requireActionable(engineTaskId, user, REVIEW_REPORT);
            ProgressReport report = reportOf(task);
            requireRole(user, Role.REVIEWER, report.getReviewerUnit().getCode(), report);
            if (!coReviews.findByReportIdAndStatus(report.getId(), CoReview.Status.OPEN).isEmpty()) {
                throw new ReviewException("加签意见尚未返回，暂不能审核 / a co-reviewer's opinion is still outstanding");
            }
            String before = report.getStatus().name();
            ReviewDecision.Outcome recorded;
            switch (outcome) {
                case APPROVE -> {
                    reportDecisions.approved(report);
                    recorded = ReviewDecision.Outcome.APPROVED;
                }
                case RETURN_TO_CLERK -> {
                    requireReason(reason);
                    reportDecisions.returnedToClerk(report);
                    recorded = ReviewDecision.Outcome.RETURNED_TO_CLERK;
                }
                case RETURN_TO_LEADER -> {
                    requireReason(reason);
                    if (!report.getUnit().isLeaderSignoff()) {
                        throw new ReviewException(report.getUnit().getName()
                                + "的报告不经单位负责人审签，只能退回经办人 / this unit has no sign-off step: return to the clerk");
                    }
                    reportDecisions.returnedToLeader(report);
                    recorded = ReviewDecision.Outcome.RETURNED_TO_LEADER;
                }
                default -> throw new IllegalArgumentException(String.valueOf(outcome));
            }
            decisions.save(new ReviewDecision(report, ReviewDecision.Stage.REVIEW, recorded, reason,
                    json(fieldComments), user.getUsername(), clock.instant()));
            engineTasks.complete(task, user, Map.of(ProcessKeys.VAR_DECISION, outcome.name()));
            audit.record(user.getUsername(), outcome == ReviewOutcome.APPROVE ? "REPORT_APPROVED" : "REPORT_RETURNED",
                    "ProgressReport", report.getBusinessKey(), reason, before, report.getStatus().name());
            events.publishEvent(new ReportReviewedEvent(report.getId(), outcome == ReviewOutcome.APPROVE));
            if (outcome == ReviewOutcome.RETURN_TO_CLERK) {
                notifications.notifyGroup(NotificationKind.RETURNED,
                        CandidateGroups.of(report.getUnit().getCode(), Role.CLERK), content(report, reason, user));
            } else if (outcome == ReviewOutcome.RETURN_TO_LEADER) {
                notifications.notifyGroup(NotificationKind.RETURNED,
                        CandidateGroups.of(report.getUnit().getCode(), Role.UNIT_LEADER),
                        content(report, reason, user));
            }
        });
    }

    /**
     * Approves each selected report in its own transaction, so one that fails (e.g. a co-review is open, or someone
     * else decided it meanwhile) does not undo the others; each outcome is reported.
     */
    public List<BulkResult> bulkApprove(List<String> engineTaskIds) {
        List<BulkResult> results = new ArrayList<>();
        for (String id : engineTaskIds) {
            try {
                eachInItsOwnTransaction.executeWithoutResult(s -> review(id, ReviewOutcome.APPROVE, null, Map.of()));
                results.add(new BulkResult(id, true, null));
            } catch (RuntimeException e) {
                results.add(new BulkResult(id, false, e.getMessage()));
            }
        }
        return results;
    }

    /** 加签: asks a colleague for an opinion; the reviewer keeps the review task and decides after the answer. */
    @Transactional
    public CoReview requestCoReview(String engineTaskId, String coReviewerUsername, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(engineTaskId, user, REVIEW_REPORT);
        ProgressReport report = reportOf(task);
        AppUser coReviewer = users.findByUsername(coReviewerUsername).filter(AppUser::isActive)
                .orElseThrow(() -> new ReviewException("没有此用户或已停用 / no such active user: " + coReviewerUsername));
        if (coReviewer.getUsername().equals(user.getUsername())) {
            throw new ReviewException("不能给自己加签 / you cannot ask yourself");
        }
        if (task.getAssignee() == null) {
            taskService.setAssignee(task.getId(), user.getUsername());
        }
        Task sub = taskService.newTask();
        sub.setParentTaskId(task.getId());
        sub.setName("加签意见：" + report.getBusinessKey());
        sub.setDescription(note);
        sub.setAssignee(coReviewer.getUsername());
        sub.setOwner(user.getUsername());
        sub.setTenantId(task.getTenantId());
        taskService.saveTask(sub);
        CoReview coReview = coReviews.save(new CoReview(report, user.getUsername(), coReviewer.getUsername(),
                sub.getId(), clock.instant()));
        audit.record(user.getUsername(), "CO_REVIEWER_ADDED", "ProgressReport", report.getBusinessKey(),
                "加签 " + coReviewer.getUsername() + (note == null ? "" : "：" + note), null, null);
        notifications.notifyUsers(NotificationKind.ASSIGNED, List.of(coReviewer.getUsername()),
                content(report, note, user));
        return coReview;
    }

    /** The co-reviewer's opinion, which the reviewer then sees before deciding. */
    @Transactional
    public void answerCoReview(String subTaskId, String opinion) {
        DubanUserDetails user = currentUser.require();
        CoReview coReview = coReviews.findByEngineTaskId(subTaskId)
                .orElseThrow(() -> new NotFoundException("No co-review for task " + subTaskId));
        if (!coReview.getCoReviewer().equals(user.getUsername()) || coReview.getStatus() != CoReview.Status.OPEN) {
            throw new WorkflowAccessException("此加签不由您答复或已答复 / this co-review is not yours or already answered");
        }
        requireReason(opinion);
        coReview.answer(opinion, clock.instant());
        decisions.save(new ReviewDecision(coReview.getReport(), ReviewDecision.Stage.CO_REVIEW,
                ReviewDecision.Outcome.OPINION, opinion, null, user.getUsername(), clock.instant()));
        taskService.complete(subTaskId);
        audit.record(user.getUsername(), "CO_REVIEW_ANSWERED", "ProgressReport",
                coReview.getReport().getBusinessKey(), opinion, null, null);
        notifications.notifyUsers(NotificationKind.COPIED, List.of(coReview.getRequestedBy()),
                content(coReview.getReport(), opinion, user));
    }

    /** 抄送: sends the latest decision on a report to the unit's leader or to the supervision office. */
    @Transactional
    public void copyDecision(Long reportId, CopyTarget target, String note) {
        DubanUserDetails user = currentUser.require();
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        boolean involved = user.getUnitCode().equals(report.getReviewerUnit().getCode())
                || user.getUnitCode().equals(report.getUnit().getCode()) || user.hasRole(Role.SUPERVISOR);
        if (!involved) {
            throw new WorkflowAccessException("您与此报告无关，不能抄送 / you are not involved in this report");
        }
        List<ReviewDecision> history = decisions.findByReportIdOrderByDecidedAtAscIdAsc(reportId);
        if (history.isEmpty()) {
            throw new ReviewException("此报告尚无审核决定可抄送 / there is no decision on this report yet");
        }
        ReviewDecision latest = history.get(history.size() - 1);
        String group = target == CopyTarget.UNIT_LEADER
                ? CandidateGroups.of(report.getUnit().getCode(), Role.UNIT_LEADER)
                : CandidateGroups.of(Role.SUPERVISOR);
        String summary = latest.getStage() + " " + latest.getDecision()
                + (latest.getReason() == null ? "" : "：" + latest.getReason()) + (note == null ? "" : "（" + note + "）");
        notifications.notifyGroup(NotificationKind.COPIED, group, content(report, summary, user));
        audit.record(user.getUsername(), "DECISION_COPIED", "ProgressReport", report.getBusinessKey(),
                "抄送 " + group + "：" + summary, null, null);
    }

    @Transactional(readOnly = true)
    public List<ReviewDecision> decisionsOn(Long reportId) {
        return decisions.findByReportIdOrderByDecidedAtAscIdAsc(reportId);
    }

    @Transactional(readOnly = true)
    public List<CoReview> coReviewsOf(Long reportId) {
        return coReviews.findByReportIdOrderByRequestedAt(reportId);
    }

    private ProgressReport reportOf(Task task) {
        // the report row knows its process instance: one indexed select instead of an engine command (benchmarks.md)
        Optional<ProgressReport> linked = reports.findByProcessInstanceId(task.getProcessInstanceId());
        if (linked.isPresent()) {
            return linked.get();
        }
        Long reportId = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_REPORT_ID);
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("No progress report " + reportId));
    }

    private static void requireRole(DubanUserDetails user, Role role, String unitCode, ProgressReport report) {
        if (!user.hasRole(role) || !user.getUnitCode().equals(unitCode)) {
            throw new WorkflowAccessException("您不是此报告的" + role + " / " + user.getUsername() + " is not a " + role
                    + " of " + unitCode + " for " + report.getBusinessKey());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReviewException("请填写理由 / a reason is required");
        }
    }

    private static String json(Map<String, String> fieldComments) {
        if (fieldComments == null || fieldComments.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(fieldComments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static NotificationContent content(ProgressReport report, String reason, DubanUserDetails actor) {
        return new NotificationContent(report.getTask().getCode(), report.getTask().getTitle(),
                report.getUnit().getName(), report.getCycle().getPeriodCode(), reason, report.getDueOn(),
                actor.getUsername(), "report/" + report.getId());
    }
}
