package org.duban.inbox;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回 where users look for it. The submitting unit's clerks see their reports that left them and are not yet taken
 * up (sign-off or review still unclaimed) and take one back ({@link ReportService#withdraw} decides again); a unit
 * leader or reviewer whose step vanished learns that the clerk withdrew the report, by whom and when, instead of a
 * bare "task not found".
 */
@Service
public class WithdrawalService {

    /** How many of a unit's submitted reports the inbox lists: one unit's share of the open cycles. */
    static final int LIMIT = 100;
    static final String WITHDRAWN = "REPORT_WITHDRAWN";

    /** A report the user's unit submitted that waits for sign-off or review. */
    public record Submitted(Long reportId, String businessKey, String taskCode, String taskTitle, String cycleCode,
            ReportStatus status, Instant submittedAt, String submittedBy, String takenUpBy, boolean withdrawable) {
    }

    /** A step that ended because its report was withdrawn. */
    public record Withdrawn(Long reportId, String businessKey, String taskCode, String taskTitle, String unitName,
            String cycleCode, String withdrawnBy, Instant withdrawnAt, ReportStatus statusNow) {
    }

    private final ReportService reportService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final EntityManager em;

    public WithdrawalService(ReportService reportService, TaskService taskService, HistoryService historyService,
            AuditService audit, CurrentUser currentUser, EntityManager em) {
        this.reportService = reportService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.audit = audit;
        this.currentUser = currentUser;
        this.em = em;
    }

    /** The clerk's unit's reports awaiting sign-off or review, newest submission first; empty for other roles. */
    @Transactional(readOnly = true)
    public List<Submitted> submittedByMyUnit() {
        DubanUserDetails user = currentUser.require();
        if (!user.hasRole(Role.CLERK)) {
            return List.of();
        }
        List<ProgressReport> found = em.createQuery("select r from ProgressReport r join fetch r.task"
                + " join fetch r.cycle where r.unit.code = :unit and r.status in :waiting"
                + " and r.processInstanceId is not null order by r.submittedAt desc, r.id desc", ProgressReport.class)
                .setParameter("unit", user.getUnitCode())
                .setParameter("waiting", List.of(ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW))
                .setMaxResults(LIMIT).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Task> waitingSteps = new HashMap<>();
        taskService.createTaskQuery().processInstanceIdIn(found.stream().map(ProgressReport::getProcessInstanceId)
                .toArray(String[]::new)).taskDefinitionKeyIn(InboxService.SIGN_OFF_REPORT, TaskDueDates.REVIEW_REPORT)
                .list().forEach(t -> waitingSteps.put(t.getProcessInstanceId(), t));
        return found.stream().map(r -> {
            Task step = waitingSteps.get(r.getProcessInstanceId());
            String takenUpBy = step == null ? null : step.getAssignee();
            return new Submitted(r.getId(), r.getBusinessKey(), r.getTask().getCode(), r.getTask().getTitle(),
                    r.getCycle().getPeriodCode(), r.getStatus(), r.getSubmittedAt(), r.getSubmittedBy(), takenUpBy,
                    step != null && takenUpBy == null);
        }).toList();
    }

    /** Takes the report back; {@link ReportService#withdraw} checks the clerk and that nobody has started on it. */
    public void withdraw(Long reportId, String reason) {
        reportService.withdraw(reportId, reason);
    }

    /**
     * Why a sign-off or review step is gone, when the clerk withdrew its report: for users who may see the report;
     * empty when the step is still open, was completed, or the user may not see the report.
     */
    @Transactional(readOnly = true)
    public Optional<Withdrawn> withdrawnStep(String taskId) {
        DubanUserDetails user = currentUser.require();
        HistoricTaskInstance step = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (step == null || step.getEndTime() == null || "completed".equals(step.getDeleteReason())
                || !List.of(InboxService.SIGN_OFF_REPORT, TaskDueDates.REVIEW_REPORT)
                        .contains(step.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        Optional<ProgressReport> report = em.createQuery("select r from ProgressReport r join fetch r.task"
                + " join fetch r.unit join fetch r.reviewerUnit join fetch r.cycle"
                + " where r.processInstanceId = :instance", ProgressReport.class)
                .setParameter("instance", step.getProcessInstanceId()).getResultStream().findFirst();
        if (report.isEmpty() || !ReportAccess.maySee(user, report.get())) {
            return Optional.empty();
        }
        ProgressReport r = report.get();
        Instant started = step.getStartTime().toInstant();
        // the withdrawal that ended this step: recorded at or after the step began
        return audit.trailOf("ProgressReport", r.getBusinessKey()).stream()
                .filter(e -> WITHDRAWN.equals(e.getAction()) && !e.getOccurredAt().isBefore(started.minusSeconds(1)))
                .reduce((a, b) -> b).map((AuditEvent e) -> new Withdrawn(r.getId(), r.getBusinessKey(),
                        r.getTask().getCode(), r.getTask().getTitle(), r.getUnit().getName(),
                        r.getCycle().getPeriodCode(), e.getActor(), e.getOccurredAt(), r.getStatus()));
    }
}
