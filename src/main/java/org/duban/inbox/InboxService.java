package org.duban.inbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.catalog.KeyTask;
import org.duban.catalog.Plan;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.workflow.TaskOperations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's inbox: tasks assigned to them and their unit's unclaimed tasks (the engine's candidate groups
 * decide, so another unit's tasks never show), filtered, sorted and paged in the database through the engine's native
 * task query ({@link InboxTaskSql}: the engine's TaskQuery cannot stop early on a large backlog). Each page is
 * completed with what the tasks are about in a fixed number of queries, however long the page.
 */
@Service
public class InboxService {

    static final String FILL_REPORT = "fillReport";
    static final String SIGN_OFF_REPORT = "signOffReport";
    private static final Pattern TASK_CODE = Pattern.compile("^(\\d{4}-T\\d+)");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskOperations taskOperations;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final EntityManager em;
    private final Clock clock;
    private final int dueSoonWorkingDays;

    public InboxService(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            TaskOperations taskOperations, CurrentUser currentUser, WorkingDayCalendar calendar, EntityManager em,
            Clock clock,
            @Value("${duban.inbox.due-soon-working-days:3}") int dueSoonWorkingDays) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskOperations = taskOperations;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.em = em;
        this.clock = clock;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** One page of the inbox, {@code offset} and {@code limit} as a lazy grid asks for them. */
    @Transactional(readOnly = true)
    public List<InboxRow> page(InboxFilter filter, InboxSort sort, int offset, int limit) {
        DubanUserDetails user = currentUser.require();
        Optional<InboxTaskSql> query = query(filter, user);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        return rows(query.get().page(taskService, sort == null ? InboxSort.dueFirst() : sort, offset, limit), user);
    }

    /** How many items the filter matches: the grid's count to {@link #page}. */
    @Transactional(readOnly = true)
    public long count(InboxFilter filter) {
        return query(filter, currentUser.require()).map(q -> q.count(taskService)).orElse(0L);
    }

    /**
     * How many items the filter matches, counted no further than {@code limit + 1}: a result above {@code limit}
     * means "more than limit". What the screens show, so a unit with a huge backlog still gets its page at once.
     */
    @Transactional(readOnly = true)
    public long countUpTo(InboxFilter filter, int limit) {
        return query(filter, currentUser.require()).map(q -> q.countUpTo(taskService, limit + 1)).orElse(0L);
    }

    /** The numbers the navigation shows. */
    @Transactional(readOnly = true)
    public InboxCounts counts() {
        InboxFilter all = InboxFilter.all();
        int limit = InboxCounts.LIMIT;
        return new InboxCounts(countUpTo(all, limit), countUpTo(all.withScope(InboxFilter.Scope.MINE), limit),
                countUpTo(all.withScope(InboxFilter.Scope.CLAIMABLE), limit),
                countUpTo(all.withFlag(InboxFilter.Flag.OVERDUE), limit),
                countUpTo(all.withFlag(InboxFilter.Flag.DUE_SOON), limit),
                countUpTo(all.withFlag(InboxFilter.Flag.RETURNED), limit));
    }

    /** Takes one of the unit's tasks; refused (by the workflow) when the user may not. */
    public void claim(String taskId) {
        taskOperations.claim(taskId);
    }

    /** Gives a claimed task back to the unit. */
    public void unclaim(String taskId) {
        taskOperations.unclaim(taskId);
    }

    /** Plans to filter by, newest first. */
    @Transactional(readOnly = true)
    public List<FilterChoice> plans() {
        return em.createQuery("select p from Plan p order by p.year desc, p.id desc", Plan.class).getResultList()
                .stream().map(p -> new FilterChoice(p.getId(), p.getYear() + " " + p.getDocumentNumber())).toList();
    }

    /** Sections of a plan (一 … 十一), in document order. */
    @Transactional(readOnly = true)
    public List<FilterChoice> sections(Long planId) {
        return em.createQuery("select s from PlanSection s where s.plan.id = :plan order by s.number",
                org.duban.catalog.PlanSection.class).setParameter("plan", planId).getResultList().stream()
                .map(s -> new FilterChoice(s.getId(), s.getLabel() + " " + s.getTitle())).toList();
    }

    /** Reporting cycles of a plan, in calendar order. */
    @Transactional(readOnly = true)
    public List<FilterChoice> cycles(Long planId) {
        return em.createQuery("select c from ReportingCycle c where c.plan.id = :plan order by c.periodStart",
                ReportingCycle.class).setParameter("plan", planId).getResultList().stream()
                .map(c -> new FilterChoice(c.getId(), c.getPeriodCode())).toList();
    }

    /** The last day that still counts as "due soon" today. */
    public LocalDate dueSoonUntil() {
        return calendar.addWorkingDays(today(), dueSoonWorkingDays);
    }

    private Optional<InboxTaskSql> query(InboxFilter filter, DubanUserDetails user) {
        InboxFilter f = filter == null ? InboxFilter.all() : filter;
        InboxTaskSql q = new InboxTaskSql(managementService);
        List<String> groups = user.candidateGroups();
        switch (f.scopeOrAll()) {
            case MINE -> q.assignedOrCandidate(user.getUsername(), List.of());
            case CLAIMABLE -> {
                if (groups.isEmpty()) {
                    return Optional.empty();
                }
                q.assignedOrCandidate(null, groups);
            }
            default -> q.assignedOrCandidate(user.getUsername(), groups);
        }
        ReportingCycle cycle = f.cycleId() == null ? null : em.find(ReportingCycle.class, f.cycleId());
        Plan plan = planOf(f, cycle);
        businessKeys(q, plan, f.taskNumber(), cycle);
        if (!dueWindow(q, f)) {
            return Optional.empty();
        }
        ReportStatus status = f.reportStatus();
        if (f.flag() == InboxFilter.Flag.RETURNED) {
            if (status != null && status != ReportStatus.RETURNED) {
                return Optional.empty();
            }
            status = ReportStatus.RETURNED;
        }
        if (status != null || f.sectionId() != null) {
            List<String> reportInstances = reportInstances(user, f, plan, cycle, status);
            if (status != null) {
                if (reportInstances.isEmpty()) {
                    return Optional.empty();
                }
                q.processInstanceIn(reportInstances);
            } else {
                List<String> codes = taskCodesOfSection(f.sectionId());
                if (reportInstances.isEmpty() && codes.isEmpty()) {
                    return Optional.empty();
                }
                q.processInstanceInOrBusinessKeyIn(reportInstances, codes);
            }
        }
        return Optional.of(q);
    }

    /** Plan, task and cycle are parts of every business key: 2023-T23, 2023-T23-2023Q2-CAOXIAN, …-XT1. */
    private static void businessKeys(InboxTaskSql q, Plan plan, Integer taskNumber, ReportingCycle cycle) {
        String period = cycle == null ? null : cycle.getPeriodCode();
        if (taskNumber != null && plan != null) {
            String code = plan.taskCode(taskNumber);
            if (period != null) {
                q.businessKey(code + "-" + period + "-%");
            } else {
                q.businessKeyAnyOf(List.of(code, code + "-%"));
            }
        } else if (period != null) {
            q.businessKey((plan == null ? "%" : plan.getYear() + "-T%") + "-" + period + "-%");
        } else if (plan != null) {
            q.businessKey(plan.getYear() + "-T%");
        }
    }

    /** Restricts due dates to the window and the flag; false when nothing can match. */
    private boolean dueWindow(InboxTaskSql q, InboxFilter f) {
        LocalDate from = f.dueFrom();
        LocalDate to = f.dueTo();
        LocalDate today = today();
        if (f.flag() == InboxFilter.Flag.OVERDUE) {
            to = earlier(to, today.minusDays(1));
        } else if (f.flag() == InboxFilter.Flag.DUE_SOON) {
            from = from == null || from.isBefore(today) ? today : from;
            to = earlier(to, dueSoonUntil());
        }
        if (from != null && to != null && from.isAfter(to)) {
            return false;
        }
        if (from != null) {
            q.dueAfter(new Date(startOf(from).getTime() - 1));
        }
        if (to != null) {
            q.dueBefore(startOf(to.plusDays(1)));
        }
        return true;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private Plan planOf(InboxFilter f, ReportingCycle cycle) {
        if (f.planId() != null) {
            return em.find(Plan.class, f.planId());
        }
        if (cycle != null) {
            return cycle.getPlan();
        }
        if (f.taskNumber() != null) {
            return em.createQuery("select p from Plan p order by p.year desc, p.id desc", Plan.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
        }
        return null;
    }

    /**
     * Process instances of the open reports the user's unit writes or reviews that match the report-side filters.
     * Bounded by one unit's share of the open cycles, not by the number of tasks in the system.
     */
    private List<String> reportInstances(DubanUserDetails user, InboxFilter f, Plan plan, ReportingCycle cycle,
            ReportStatus status) {
        StringBuilder jpql = new StringBuilder("select r.processInstanceId from ProgressReport r"
                + " where r.processInstanceId is not null and r.status <> :approved"
                + " and (r.unit.code = :unit or r.reviewerUnit.code = :unit)");
        Map<String, Object> params = new HashMap<>();
        params.put("approved", ReportStatus.APPROVED);
        params.put("unit", user.getUnitCode());
        if (f.sectionId() != null) {
            jpql.append(" and r.task.section.id = :section");
            params.put("section", f.sectionId());
        }
        if (plan != null) {
            jpql.append(" and r.task.plan.id = :plan");
            params.put("plan", plan.getId());
        }
        if (f.taskNumber() != null) {
            jpql.append(" and r.task.number = :number");
            params.put("number", f.taskNumber());
        }
        if (cycle != null) {
            jpql.append(" and r.cycle.id = :cycle");
            params.put("cycle", cycle.getId());
        }
        if (status != null) {
            jpql.append(" and r.status = :status");
            params.put("status", status);
        }
        TypedQuery<String> query = em.createQuery(jpql.toString(), String.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private List<String> taskCodesOfSection(Long sectionId) {
        return em.createQuery("select t.code from KeyTask t where t.section.id = :section", String.class)
                .setParameter("section", sectionId).getResultList();
    }

    /** Completes a page of engine tasks: one query for business keys, one for reports, one for key tasks. */
    private List<InboxRow> rows(List<Task> tasks, DubanUserDetails user) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = new HashSet<>();
        tasks.forEach(t -> {
            if (t.getProcessInstanceId() != null) {
                instanceIds.add(t.getProcessInstanceId());
            }
        });
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, ProgressReport> reports = new HashMap<>();
        if (!businessKeys.isEmpty()) {
            em.createQuery("select r from ProgressReport r join fetch r.task join fetch r.unit join fetch r.cycle"
                    + " where r.businessKey in :keys", ProgressReport.class)
                    .setParameter("keys", new HashSet<>(businessKeys.values())).getResultList()
                    .forEach(r -> reports.put(r.getBusinessKey(), r));
        }
        Set<String> otherCodes = new HashSet<>();
        businessKeys.values().stream().filter(k -> k != null && !reports.containsKey(k)).map(InboxService::taskCodeOf)
                .filter(c -> c != null).forEach(otherCodes::add);
        Map<String, KeyTask> keyTasks = new HashMap<>();
        if (!otherCodes.isEmpty()) {
            em.createQuery("select t from KeyTask t where t.code in :codes", KeyTask.class)
                    .setParameter("codes", otherCodes).getResultList().forEach(t -> keyTasks.put(t.getCode(), t));
        }
        LocalDate today = today();
        LocalDate soon = dueSoonUntil();
        ZoneId zone = clock.getZone();
        Map<String, InboxRow> rows = new LinkedHashMap<>();
        for (Task task : tasks) {
            String key = businessKeys.get(task.getProcessInstanceId());
            ProgressReport report = key == null ? null : reports.get(key);
            KeyTask keyTask = report != null ? report.getTask() : key == null ? null : keyTasks.get(taskCodeOf(key));
            LocalDate due = task.getDueDate() != null ? LocalDate.ofInstant(task.getDueDate().toInstant(), zone)
                    : report == null ? null
                    : TaskDueDates.REVIEW_REPORT.equals(task.getTaskDefinitionKey()) ? report.getReviewDueOn()
                    : report.getDueOn();
            boolean overdue = due != null && due.isBefore(today);
            rows.put(task.getId(), new InboxRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), key,
                    report == null ? null : report.getId(), keyTask == null ? null : keyTask.getNumber(),
                    keyTask == null ? null : keyTask.getCode(), keyTask == null ? null : keyTask.getTitle(),
                    report == null ? null : report.getUnit().getName(),
                    report == null ? null : report.getCycle().getPeriodCode(), due,
                    report == null ? 0 : report.getReturnCount(), report == null ? null : report.getStatus(),
                    task.getAssignee(), user.getUsername().equals(task.getAssignee()), overdue,
                    !overdue && due != null && !due.isAfter(soon),
                    report != null && report.getStatus() == ReportStatus.RETURNED,
                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant()));
        }
        return new ArrayList<>(rows.values());
    }

    static String taskCodeOf(String businessKey) {
        Matcher m = TASK_CODE.matcher(businessKey);
        return m.find() ? m.group(1) : null;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
