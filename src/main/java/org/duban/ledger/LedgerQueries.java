package org.duban.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.TaskStatus;
import org.duban.org.UnitType;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * The ledger's reads, set-based: one query for a page of reports (task, section, unit, cycle and primary lead joined
 * in), then one query each for the page's assignments, first submissions, last returns, open escalations, overrides
 * and indicator actuals, by id lists of at most {@link #BATCH} — never one query per row.
 */
@Component
class LedgerQueries {

    static final int BATCH = 500;
    /** The main query's joins: a report, its task, section, unit, cycle and the task's primary lead unit. */
    private static final String ORDERED_FROM = " from ProgressReport r join r.task t join t.section s join r.unit u"
            + " join r.cycle c left join TaskAssignment pla on pla.task = t and pla.role = :primaryRole"
            + " left join pla.unit plu where 1 = 1";
    private static final List<AssignmentRole> LEAD_ROLES = List.of(AssignmentRole.PRIMARY_LEAD, AssignmentRole.LEAD);

    private final EntityManager em;

    LedgerQueries(EntityManager em) {
        this.em = em;
    }

    /** A report as the main query reads it. */
    record Base(Long reportId, String businessKey, Long taskId, int taskNumber, String taskCode, String taskTitle,
            int sectionNumber, String sectionLabel, String sectionTitle, String unitCode, String unitName,
            UnitType unitType, Long cycleId, String periodCode, LocalDate dueOn, LocalDate reviewDueOn,
            ReportStatus status, Integer percentDone, int returnCount, Instant approvedAt,
            EscalationLevel escalationLevel, String primaryLeadName, String narrative, String problems) {
    }

    /** Who may see what: everything, or only tasks the unit leads. */
    record Visibility(String leadUnitCode) {
        static final Visibility ALL = new Visibility(null);
    }

    long count(LedgerFilter filter, Visibility visibility) {
        StringBuilder jpql = new StringBuilder("select count(r) from ProgressReport r join r.task t join t.section s "
                + "join r.unit u join r.cycle c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(jpql, params, filter, visibility);
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * The ids of every matching report in ledger order, in one query: exports walk them in chunks ({@code r.id in}
     * a chunk) instead of paging with OFFSET, which re-ran the whole sorted query for every chunk (docs/benchmarks.md).
     */
    List<Long> orderedIds(LedgerFilter filter, Visibility visibility) {
        StringBuilder jpql = new StringBuilder("select r.id" + ORDERED_FROM);
        Map<String, Object> params = new HashMap<>();
        params.put("primaryRole", AssignmentRole.PRIMARY_LEAD);
        where(jpql, params, filter, visibility);
        jpql.append(orderBy(filter));
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static String orderBy(LedgerFilter filter) {
        return " order by " + switch (filter.grouping()) {
            case SECTION -> "";
            case LEAD_UNIT -> "coalesce(plu.sortOrder, 999999), plu.id, ";
            case UNIT -> "u.sortOrder, u.id, ";
            case CYCLE -> "c.periodStart, ";
        } + "t.plan.id, s.number, t.number, u.sortOrder, u.id, c.periodStart, r.id";
    }

    /** Rows in ledger order; {@code onlyIds} (if not null) restricts to those reports. */
    List<Base> select(LedgerFilter filter, Visibility visibility, Collection<Long> onlyIds, int offset, int limit,
            boolean withText) {
        StringBuilder jpql = new StringBuilder("select r.id, r.businessKey, t.id, t.number, t.code, t.title, "
                + "s.number, s.label, s.title, u.code, u.name, u.type, c.id, c.periodCode, r.dueOn, r.reviewDueOn, "
                + "r.status, r.percentDone, r.returnCount, r.approvedAt, r.escalationLevel, plu.name"
                + (withText ? ", r.narrative, r.problems" : "") + ORDERED_FROM);
        Map<String, Object> params = new HashMap<>();
        params.put("primaryRole", AssignmentRole.PRIMARY_LEAD);
        where(jpql, params, filter, visibility);
        if (onlyIds != null) {
            jpql.append(" and r.id in :onlyIds");
            params.put("onlyIds", onlyIds);
        }
        jpql.append(orderBy(filter));
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        if (onlyIds == null) {
            query.setFirstResult(offset).setMaxResults(limit);
        }
        List<Base> rows = new ArrayList<>();
        for (Object[] c : query.getResultList()) {
            rows.add(new Base((Long) c[0], (String) c[1], (Long) c[2], (Integer) c[3], (String) c[4], (String) c[5],
                    (Integer) c[6], (String) c[7], (String) c[8], (String) c[9], (String) c[10], (UnitType) c[11],
                    (Long) c[12], (String) c[13], (LocalDate) c[14], (LocalDate) c[15], (ReportStatus) c[16],
                    (Integer) c[17], (Integer) c[18], (Instant) c[19], (EscalationLevel) c[20], (String) c[21],
                    withText ? (String) c[22] : null, withText ? (String) c[23] : null));
        }
        return rows;
    }

    private static void where(StringBuilder jpql, Map<String, Object> params, LedgerFilter filter,
            Visibility visibility) {
        // a task a re-import withdrew: its submitted reports stay in the ledger, the never-submitted ones leave it
        jpql.append(" and (t.status <> :withdrawn or r.revision > 0)");
        params.put("withdrawn", TaskStatus.WITHDRAWN);
        if (filter.cycleId() != null) {
            jpql.append(" and c.id = :cycleId");
            params.put("cycleId", filter.cycleId());
        }
        if (filter.sectionId() != null) {
            jpql.append(" and s.id = :sectionId");
            params.put("sectionId", filter.sectionId());
        }
        if (filter.unitCode() != null) {
            jpql.append(" and u.code = :unitCode");
            params.put("unitCode", filter.unitCode());
        }
        if (filter.countyLevelOnly()) {
            jpql.append(" and u.type in :countyTypes");
            params.put("countyTypes", List.of(UnitType.COUNTY, UnitType.ZONE));
        }
        if (filter.leadUnitCode() != null) {
            jpql.append(" and exists (select 1 from TaskAssignment la where la.task = t and la.unit.code = "
                    + ":leadUnit and la.role in :leadRoles)");
            params.put("leadUnit", filter.leadUnitCode());
            params.put("leadRoles", LEAD_ROLES);
        }
        if (visibility.leadUnitCode() != null) {
            jpql.append(" and exists (select 1 from TaskAssignment va where va.task = t and va.unit.code = "
                    + ":viewerUnit and va.role in :leadRoles)");
            params.put("viewerUnit", visibility.leadUnitCode());
            params.put("leadRoles", LEAD_ROLES);
        }
    }

    /** Per task: lead unit names (primary first) and participant names, in document order. */
    Map<Long, List<Object[]>> assignments(Collection<Long> taskIds) {
        Map<Long, List<Object[]>> byTask = new HashMap<>();
        for (List<Long> batch : batches(taskIds)) {
            em.createQuery("select a.task.id, a.role, un.name from TaskAssignment a join a.unit un "
                            + "where a.task.id in :ids order by a.task.id, a.seq", Object[].class)
                    .setParameter("ids", batch).getResultList()
                    .forEach(c -> byTask.computeIfAbsent((Long) c[0], k -> new ArrayList<>()).add(c));
        }
        return byTask;
    }

    Map<Long, Instant> firstSubmissions(Collection<Long> reportIds) {
        Map<Long, Instant> first = new HashMap<>();
        for (List<Long> batch : batches(reportIds)) {
            em.createQuery("select s.report.id, min(s.submittedAt) from ReportSnapshot s where s.report.id in :ids "
                    + "group by s.report.id", Object[].class).setParameter("ids", batch).getResultList()
                    .forEach(c -> first.put((Long) c[0], (Instant) c[1]));
        }
        return first;
    }

    Map<Long, Instant> lastReturns(Collection<Long> reportIds) {
        Map<Long, Instant> last = new HashMap<>();
        for (List<Long> batch : batches(reportIds)) {
            em.createQuery("select d.report.id, max(d.decidedAt) from ReviewDecision d where d.report.id in :ids "
                            + "and d.stage = :stage and d.decision in :returned group by d.report.id", Object[].class)
                    .setParameter("ids", batch).setParameter("stage", ReviewDecision.Stage.REVIEW)
                    .setParameter("returned", List.of(ReviewDecision.Outcome.RETURNED_TO_CLERK,
                            ReviewDecision.Outcome.RETURNED_TO_LEADER))
                    .getResultList().forEach(c -> last.put((Long) c[0], (Instant) c[1]));
        }
        return last;
    }

    /** Unresolved escalations at or above {@code from}: per report the highest level and when the first came. */
    Map<Long, OpenEscalation> openEscalations(Collection<Long> reportIds, EscalationLevel from, ZoneId zone) {
        List<EscalationLevel> levels = java.util.Arrays.stream(EscalationLevel.values())
                .filter(l -> l.compareTo(from) >= 0).toList();
        Map<Long, OpenEscalation> open = new HashMap<>();
        for (List<Long> batch : batches(reportIds)) {
            em.createQuery("select e.report.id, e.level, e.occurredAt from Escalation e where e.report.id in :ids "
                            + "and e.resolvedAt is null and e.level in :levels", Object[].class)
                    .setParameter("ids", batch).setParameter("levels", levels).getResultList()
                    .forEach(c -> open.merge((Long) c[0], new OpenEscalation((EscalationLevel) c[1],
                            LocalDate.ofInstant((Instant) c[2], zone)), OpenEscalation::merge));
        }
        return open;
    }

    record OpenEscalation(EscalationLevel level, LocalDate since) {
        OpenEscalation merge(OpenEscalation other) {
            return new OpenEscalation(level.isAbove(other.level) ? level : other.level,
                    since.isBefore(other.since) ? since : other.since);
        }
    }

    Map<Long, LightOverride> overrides(Collection<Long> reportIds, LightOverrideRepository repository) {
        Map<Long, LightOverride> active = new HashMap<>();
        for (List<Long> batch : batches(reportIds)) {
            repository.activeFor(batch).forEach(o -> active.put(o.getReport().getId(), o));
        }
        return active;
    }

    Map<Long, List<LedgerRow.IndicatorProgress>> indicators(Collection<Long> reportIds) {
        Map<Long, List<LedgerRow.IndicatorProgress>> byReport = new LinkedHashMap<>();
        for (List<Long> batch : batches(reportIds)) {
            em.createQuery("select a.report.id, i.seq, i.phrase, i.targetValue, i.measureUnit, a.actualValue "
                            + "from IndicatorActual a join a.indicator i where a.report.id in :ids "
                            + "order by a.report.id, i.seq", Object[].class)
                    .setParameter("ids", batch).getResultList()
                    .forEach(c -> byReport.computeIfAbsent((Long) c[0], k -> new ArrayList<>())
                            .add(new LedgerRow.IndicatorProgress((Integer) c[1], (String) c[2], (BigDecimal) c[3],
                                    (String) c[4], (BigDecimal) c[5])));
        }
        return byReport;
    }

    List<LedgerOptions.CycleOption> cycleOptions() {
        return em.createQuery("select c.id, p.documentNumber, c.periodCode, c.dueOn from ReportingCycle c join c.plan p "
                        + "where c.status <> :scheduled order by c.periodStart desc, p.id", Object[].class)
                .setParameter("scheduled", org.duban.reporting.CycleStatus.SCHEDULED).getResultList().stream()
                .map(c -> new LedgerOptions.CycleOption((Long) c[0], (String) c[1], (String) c[2], (LocalDate) c[3]))
                .toList();
    }

    List<LedgerOptions.SectionOption> sectionOptions() {
        return em.createQuery("select s.id, s.number, s.label, s.title from PlanSection s order by s.plan.id, s.number",
                        Object[].class).getResultList().stream()
                .map(c -> new LedgerOptions.SectionOption((Long) c[0], (Integer) c[1], (String) c[2], (String) c[3]))
                .toList();
    }

    List<LedgerOptions.UnitOption> unitOptions(boolean leads) {
        return em.createQuery("select distinct u.code, u.name, u.sortOrder from TaskAssignment a join a.unit u "
                        + "where a.role in :roles order by u.sortOrder, u.code", Object[].class)
                .setParameter("roles", leads ? LEAD_ROLES : List.of(AssignmentRole.PARTICIPANT, AssignmentRole.LEAD))
                .getResultList().stream().map(c -> new LedgerOptions.UnitOption((String) c[0], (String) c[1]))
                .toList();
    }

    static <T> List<List<T>> batches(Collection<T> all) {
        List<T> list = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < list.size(); i += BATCH) {
            batches.add(list.subList(i, Math.min(list.size(), i + BATCH)));
        }
        return batches;
    }
}
