package org.duban.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.Comparator;
import org.duban.catalog.TaskStatus;
import org.duban.org.UnitType;
import org.duban.reporting.CycleStatus;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;
import org.springframework.stereotype.Component;

/**
 * Set-based reads for the dashboards and the assessment: one query for every report of a plan's opened cycles (task,
 * section, unit, cycle, primary lead and first submission joined in) and one for the reported indicator values. No
 * authorization here: the services that call it decide who may see what and pass the restriction in.
 */
@Component
public class ReportFacts {

    private static final List<AssignmentRole> LEAD_ROLES = List.of(AssignmentRole.PRIMARY_LEAD, AssignmentRole.LEAD);

    private final EntityManager em;

    public ReportFacts(EntityManager em) {
        this.em = em;
    }

    /**
     * Reports of the plan's opened cycles.
     *
     * @param cycleId only this cycle, or every opened cycle when null
     * @param leadUnitCode only tasks this unit leads, or every task when null
     */
    public List<ReportFact> reports(Long planId, Long cycleId, String leadUnitCode, ZoneId zone) {
        StringBuilder jpql = new StringBuilder("select r.id, t.id, t.number, s.id, s.number, s.label, s.title, u.id, "
                + "u.code, u.name, u.type, u.sortOrder, plu.code, plu.name, plu.sortOrder, c.id, c.periodCode, "
                + "c.periodStart, r.dueOn, r.status, r.returnCount, r.escalationLevel, "
                + "(select min(sn.submittedAt) from ReportSnapshot sn where sn.report = r) "
                + "from ProgressReport r join r.task t join t.section s join r.unit u join r.cycle c "
                + "left join TaskAssignment pla on pla.task = t and pla.role = :primaryRole left join pla.unit plu "
                + "where t.plan.id = :planId and c.status <> :scheduled"
                // a task a re-import withdrew: what was submitted stays on record, what never was counts nowhere
                + " and (t.status <> :withdrawn or r.revision > 0)");
        Map<String, Object> params = new HashMap<>();
        params.put("primaryRole", AssignmentRole.PRIMARY_LEAD);
        params.put("planId", planId);
        params.put("scheduled", CycleStatus.SCHEDULED);
        params.put("withdrawn", TaskStatus.WITHDRAWN);
        restrict(jpql, params, cycleId, leadUnitCode, "c.id");
        jpql.append(" order by c.periodStart, s.number, t.number, u.sortOrder, u.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        List<ReportFact> facts = new ArrayList<>();
        for (Object[] c : query.getResultList()) {
            facts.add(new ReportFact((Long) c[0], (Long) c[1], (Integer) c[2], (Long) c[3], (Integer) c[4],
                    (String) c[5], (String) c[6], (Long) c[7], (String) c[8], (String) c[9], (UnitType) c[10],
                    (Integer) c[11], (String) c[12], (String) c[13], (Integer) c[14], (Long) c[15], (String) c[16],
                    (LocalDate) c[17], (LocalDate) c[18], (ReportStatus) c[19], (Integer) c[20],
                    (EscalationLevel) c[21], c[22] == null ? null : LocalDate.ofInstant((Instant) c[22], zone)));
        }
        return facts;
    }

    /**
     * Values units reported for the plan's indicators in submitted reports, oldest cycle first; none of a withdrawn
     * task, whose indicators no longer stand.
     *
     * @param upToPeriodStart only cycles that started on or before this day (a cycle's view of cumulative targets), or
     *     all when null
     */
    public List<IndicatorFact> indicatorValues(Long planId, LocalDate upToPeriodStart, String leadUnitCode) {
        StringBuilder jpql = new StringBuilder("select i.id, t.id, t.number, i.seq, i.phrase, i.targetValue, "
                + "i.measureUnit, i.comparator, u.id, u.code, c.periodStart, a.actualValue "
                + "from IndicatorActual a join a.report r join r.unit u join r.cycle c join a.indicator i join i.task t "
                + "where t.plan.id = :planId and a.actualValue is not null and r.revision > 0"
                + " and t.status <> :withdrawn");
        Map<String, Object> params = new HashMap<>();
        params.put("planId", planId);
        params.put("withdrawn", TaskStatus.WITHDRAWN);
        if (upToPeriodStart != null) {
            jpql.append(" and c.periodStart <= :upTo");
            params.put("upTo", upToPeriodStart);
        }
        restrict(jpql, params, null, leadUnitCode, null);
        jpql.append(" order by c.periodStart, t.number, i.seq, u.sortOrder, u.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(c -> new IndicatorFact((Long) c[0], (Long) c[1], (Integer) c[2],
                (Integer) c[3], (String) c[4], (BigDecimal) c[5], (String) c[6], (Comparator) c[7], (Long) c[8],
                (String) c[9], (LocalDate) c[10], (BigDecimal) c[11])).toList();
    }

    /** Every indicator of the plan's tasks in force (also those nobody reported on yet), in document order. */
    public List<IndicatorFact> indicators(Long planId, String leadUnitCode) {
        StringBuilder jpql = new StringBuilder("select i.id, t.id, t.number, i.seq, i.phrase, i.targetValue, "
                + "i.measureUnit, i.comparator from Indicator i join i.task t where t.plan.id = :planId"
                + " and t.status <> :withdrawn");
        Map<String, Object> params = new HashMap<>();
        params.put("planId", planId);
        params.put("withdrawn", TaskStatus.WITHDRAWN);
        restrict(jpql, params, null, leadUnitCode, null);
        jpql.append(" order by t.number, i.seq");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(c -> new IndicatorFact((Long) c[0], (Long) c[1], (Integer) c[2],
                (Integer) c[3], (String) c[4], (BigDecimal) c[5], (String) c[6], (Comparator) c[7], null, null, null,
                null)).toList();
    }

    /**
     * The share of an indicator a lead unit planned for each unit (work plan, 指标分解), keyed by indicator id then
     * unit id. A plain SQL read: the column is named share_value.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, Map<Long, BigDecimal>> plannedShares(Long planId) {
        List<Object[]> rows = em.createNativeQuery("select ws.indicator_id, ws.unit_id, ws.share_value "
                        + "from work_plan_share ws join indicator i on i.id = ws.indicator_id "
                        + "join key_task t on t.id = i.task_id where t.plan_id = ?1")
                .setParameter(1, planId).getResultList();
        Map<Long, Map<Long, BigDecimal>> shares = new HashMap<>();
        for (Object[] c : rows) {
            shares.computeIfAbsent(((Number) c[0]).longValue(), k -> new HashMap<>())
                    .put(((Number) c[1]).longValue(), c[2] instanceof BigDecimal b ? b : new BigDecimal(c[2].toString()));
        }
        return shares;
    }

    /** 督办 escalations (to the leader or the office) counted against a late unit. */
    public record EscalationCount(Long unitId, String unitCode, String unitName, int unitSortOrder, int count) {
    }

    /**
     * 督办 escalations (to the leader or the office) per late unit — the reporting unit for a late report, the lead
     * unit for a late review — on reports of the plan's opened cycles.
     *
     * @param cycleId only this cycle, or every cycle when null
     */
    public List<EscalationCount> escalationsByUnit(Long planId, Long cycleId) {
        StringBuilder jpql = new StringBuilder("select u.id, u.code, u.name, u.sortOrder, count(e) from Escalation e "
                + "join e.unit u join e.report r join r.cycle c where c.plan.id = :planId and e.level in :levels");
        Map<String, Object> params = new HashMap<>();
        params.put("planId", planId);
        params.put("levels", List.of(EscalationLevel.ESCALATE_LEADER, EscalationLevel.ESCALATE_OFFICE));
        if (cycleId != null) {
            jpql.append(" and c.id = :cycleId");
            params.put("cycleId", cycleId);
        }
        jpql.append(" group by u.id, u.code, u.name, u.sortOrder");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(c -> new EscalationCount((Long) c[0], (String) c[1],
                (String) c[2], (Integer) c[3], ((Long) c[4]).intValue())).toList();
    }

    private static void restrict(StringBuilder jpql, Map<String, Object> params, Long cycleId, String leadUnitCode,
            String cycleColumn) {
        if (cycleId != null && cycleColumn != null) {
            jpql.append(" and ").append(cycleColumn).append(" = :cycleId");
            params.put("cycleId", cycleId);
        }
        if (leadUnitCode != null) {
            jpql.append(" and exists (select 1 from TaskAssignment va where va.task = t and va.unit.code = "
                    + ":viewerUnit and va.role in :leadRoles)");
            params.put("viewerUnit", leadUnitCode);
            params.put("leadRoles", LEAD_ROLES);
        }
    }

    /** Plans, newest first, and their opened cycles. */
    public List<PlanScope> plans() {
        List<Object[]> plans = em.createQuery("select p.id, p.documentNumber, p.year, p.title from Plan p "
                + "order by p.year desc, p.id desc", Object[].class).getResultList();
        Map<Long, List<PlanScope.Cycle>> cycles = new HashMap<>();
        em.createQuery("select c.plan.id, c.id, c.periodCode, c.periodStart, c.dueOn from ReportingCycle c "
                        + "where c.status <> :scheduled order by c.periodStart", Object[].class)
                .setParameter("scheduled", CycleStatus.SCHEDULED).getResultList()
                .forEach(c -> cycles.computeIfAbsent((Long) c[0], k -> new ArrayList<>()).add(new PlanScope.Cycle(
                        (Long) c[1], (String) c[2], (LocalDate) c[3], (LocalDate) c[4])));
        return plans.stream().map(p -> new PlanScope((Long) p[0], (String) p[1], (Integer) p[2], (String) p[3],
                cycles.getOrDefault((Long) p[0], List.of()))).toList();
    }
}
