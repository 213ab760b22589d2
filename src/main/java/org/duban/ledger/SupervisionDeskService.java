package org.duban.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationService;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision office's desk (督办): its open cases (office-level escalations waiting for it), the units with
 * overdue work and their overdue items, and one-click urging (催办) through {@link EscalationService}, which records,
 * audits and notifies. A report is overdue at fill-in when not submitted after its due date (the reporting unit is
 * late), and at review when the lead unit has not decided after the review due date (the reviewing unit is late).
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class SupervisionDeskService {

    static final String HANDLE_CASE_ACTIVITY = "handleSupervisionCase";
    private static final List<ReportStatus> AT_FILL_IN = List.of(ReportStatus.NOT_STARTED, ReportStatus.DRAFT,
            ReportStatus.RETURNED, ReportStatus.AWAITING_SIGNOFF);

    private final EntityManager em;
    private final TaskService engineTasks;
    private final EscalationService escalations;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public SupervisionDeskService(EntityManager em, TaskService engineTasks, EscalationService escalations,
            WorkingDayCalendar calendar, Clock clock) {
        this.em = em;
        this.engineTasks = engineTasks;
        this.escalations = escalations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An open 督办 case: the escalation, what it is about, and the office's task to handle it. */
    public record SupervisionCase(Long escalationId, Instant occurredAt, Escalation.Stage stage, String reason,
            int taskNumber, String taskTitle, String unitName, Long reportId, String businessKey, String periodCode,
            String engineTaskId) {
    }

    /** A unit with overdue work: reports it has not submitted, and reviews it owes as a lead unit. */
    public record OverdueUnit(String unitCode, String unitName, int sortOrder, int overdueReports,
            int overdueReviews, LocalDate oldestDue) {
        public int total() {
            return overdueReports + overdueReviews;
        }
    }

    /** One overdue item; {@code lateUnit} is the reporting unit at FILL and the reviewing unit at REVIEW. */
    public record OverdueItem(Long reportId, String businessKey, int taskNumber, String taskTitle,
            String reportingUnit, String lateUnit, String periodCode, Escalation.Stage stage, LocalDate dueOn,
            int workingDaysOverdue, ReportStatus status, EscalationLevel escalationLevel, Instant lastUrgedAt) {
    }

    @Transactional(readOnly = true)
    public long countOpenCases() {
        return em.createQuery("select count(e) from Escalation e where e.level = :office and e.resolvedAt is null",
                Long.class).setParameter("office", EscalationLevel.ESCALATE_OFFICE).getSingleResult();
    }

    /** The 督办 queue, oldest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<SupervisionCase> openCases(int offset, int limit) {
        List<Object[]> found = em.createQuery("select e.id, e.occurredAt, e.stage, e.reason, t.number, t.title, "
                        + "u.name, r.id, r.businessKey, c.periodCode, e.caseInstanceId from Escalation e join e.task t "
                        + "join e.unit u left join e.report r left join r.cycle c "
                        + "where e.level = :office and e.resolvedAt is null order by e.occurredAt, e.id",
                        Object[].class)
                .setParameter("office", EscalationLevel.ESCALATE_OFFICE).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
        String[] instances = found.stream().map(c -> (String) c[10]).filter(java.util.Objects::nonNull)
                .toArray(String[]::new);
        Map<String, String> taskByInstance = new HashMap<>();
        if (instances.length > 0) {
            engineTasks.createTaskQuery().processInstanceIdIn(instances).taskDefinitionKey(HANDLE_CASE_ACTIVITY)
                    .list().forEach(t -> taskByInstance.put(t.getProcessInstanceId(), t.getId()));
        }
        return found.stream().map(c -> new SupervisionCase((Long) c[0], (Instant) c[1], (Escalation.Stage) c[2],
                (String) c[3], (Integer) c[4], (String) c[5], (String) c[6], (Long) c[7], (String) c[8],
                (String) c[9], c[10] == null ? null : taskByInstance.get((String) c[10]))).toList();
    }

    /** Closes a case with a note on what the office did (EscalationService checks the task and the user). */
    @Transactional
    public void handleCase(String engineTaskId, String note) {
        escalations.handleCase(engineTaskId, note);
    }

    /** 催办 with one click: urges whoever holds the report now; returns the groups notified. */
    @Transactional
    public String urge(Long reportId, String note) {
        return escalations.urge(reportId, note).getRecipients();
    }

    /** Units with overdue work, most overdue first. */
    @Transactional(readOnly = true)
    public List<OverdueUnit> overdueByUnit() {
        LocalDate today = LocalDate.now(clock);
        Map<String, OverdueUnit> byUnit = new LinkedHashMap<>();
        for (Object[] c : em.createQuery("select u.code, u.name, u.sortOrder, count(r), min(r.dueOn) "
                        + "from ProgressReport r join r.unit u where r.status in :atFill and r.dueOn < :today "
                        + "group by u.code, u.name, u.sortOrder", Object[].class)
                .setParameter("atFill", AT_FILL_IN).setParameter("today", today).getResultList()) {
            byUnit.put((String) c[0], new OverdueUnit((String) c[0], (String) c[1], (Integer) c[2],
                    ((Long) c[3]).intValue(), 0, (LocalDate) c[4]));
        }
        for (Object[] c : em.createQuery("select u.code, u.name, u.sortOrder, count(r), min(r.reviewDueOn) "
                        + "from ProgressReport r join r.reviewerUnit u where r.status = :review "
                        + "and r.reviewDueOn < :today group by u.code, u.name, u.sortOrder", Object[].class)
                .setParameter("review", ReportStatus.AWAITING_REVIEW).setParameter("today", today).getResultList()) {
            String code = (String) c[0];
            OverdueUnit fill = byUnit.get(code);
            LocalDate oldest = (LocalDate) c[4];
            byUnit.put(code, new OverdueUnit(code, (String) c[1], (Integer) c[2],
                    fill == null ? 0 : fill.overdueReports(), ((Long) c[3]).intValue(),
                    fill == null || oldest.isBefore(fill.oldestDue()) ? oldest : fill.oldestDue()));
        }
        List<OverdueUnit> units = new ArrayList<>(byUnit.values());
        units.sort(Comparator.comparingInt(OverdueUnit::total).reversed()
                .thenComparingInt(OverdueUnit::sortOrder));
        return units;
    }

    @Transactional(readOnly = true)
    public long countOverdue(String unitCode) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(r) from ProgressReport r join r.unit u "
                + "join r.reviewerUnit ru where " + overdueWhere(unitCode, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Overdue items of one unit (null: of every unit), the longest overdue first. */
    @Transactional(readOnly = true)
    public List<OverdueItem> overdue(String unitCode, int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.businessKey, t.number, t.title, u.name, "
                + "ru.name, c.periodCode, r.status, r.dueOn, r.reviewDueOn, r.escalationLevel from ProgressReport r "
                + "join r.task t join r.cycle c join r.unit u join r.reviewerUnit ru where "
                + overdueWhere(unitCode, params)
                + " order by case when r.status = :reviewStatus then r.reviewDueOn else r.dueOn end, t.number, "
                + "u.sortOrder, r.id", Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> found = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<Long, Instant> lastUrged = new HashMap<>();
        List<Long> ids = found.stream().map(c -> (Long) c[0]).toList();
        if (!ids.isEmpty()) {
            em.createQuery("select e.report.id, max(e.occurredAt) from Escalation e where e.report.id in :ids "
                            + "and e.level = :urge group by e.report.id", Object[].class)
                    .setParameter("ids", ids).setParameter("urge", EscalationLevel.URGE).getResultList()
                    .forEach(c -> lastUrged.put((Long) c[0], (Instant) c[1]));
        }
        return found.stream().map(c -> {
            ReportStatus status = (ReportStatus) c[7];
            boolean review = status == ReportStatus.AWAITING_REVIEW;
            LocalDate due = review ? (LocalDate) c[9] : (LocalDate) c[8];
            return new OverdueItem((Long) c[0], (String) c[1], (Integer) c[2], (String) c[3], (String) c[4],
                    review ? (String) c[5] : (String) c[4], (String) c[6],
                    review ? Escalation.Stage.REVIEW : Escalation.Stage.FILL, due,
                    -calendar.workingDaysBetween(today, due), status, (EscalationLevel) c[10],
                    lastUrged.get((Long) c[0]));
        }).toList();
    }

    private String overdueWhere(String unitCode, Map<String, Object> params) {
        params.put("atFill", AT_FILL_IN);
        params.put("reviewStatus", ReportStatus.AWAITING_REVIEW);
        params.put("today", LocalDate.now(clock));
        if (unitCode == null) {
            return "((r.status in :atFill and r.dueOn < :today) "
                    + "or (r.status = :reviewStatus and r.reviewDueOn < :today))";
        }
        params.put("unitCode", unitCode);
        return "((u.code = :unitCode and r.status in :atFill and r.dueOn < :today) "
                + "or (ru.code = :unitCode and r.status = :reviewStatus and r.reviewDueOn < :today))";
    }
}
