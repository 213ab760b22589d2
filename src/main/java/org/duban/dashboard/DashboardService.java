package org.duban.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' figures as plain records, for the charts (serialised to JSON in the view) and the grids beside
 * them: per section, per primary lead unit and per county-level unit the reports due, on time, late, returned and
 * escalated; each indicator's reported actual against its target; and the same counts cycle by cycle. Supervisors and
 * admins see the whole plan, a lead unit's reviewers the tasks their unit leads, nobody else anything.
 */
@Service
public class DashboardService {

    private final ReportFacts facts;
    private final CurrentUser currentUser;
    private final Clock clock;

    public DashboardService(ReportFacts facts, CurrentUser currentUser, Clock clock) {
        this.facts = facts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Counts of one group of reports. {@code due} counts reports whose due date passed or that were submitted. */
    public record Counts(String key, String label, int reports, int due, int onTime, int late, int returned,
            int escalated) {

        /** On-time share of the due reports in percent (one decimal), null while nothing is due. */
        public Double onTimeRate() {
            return due == 0 ? null : Math.round(onTime * 1000.0 / due) / 10.0;
        }
    }

    /**
     * An indicator's target and the reported actual: the sum over units of each unit's latest submitted value (up to
     * the chosen cycle); {@code percent} is actual ÷ target, {@code met} decided by the comparator ({@link Achievement}).
     */
    public record IndicatorLine(Long indicatorId, int taskNumber, int seq, String phrase,
            org.duban.catalog.Comparator comparator, BigDecimal target, String measureUnit, BigDecimal actual,
            BigDecimal percent, boolean met, int reportingUnits) {
    }

    /** Everything one dashboard screen shows. {@code leadUnitCode} is set when the view is limited to its tasks. */
    public record Dashboard(PlanScope plan, PlanScope.Cycle cycle, LocalDate asOf, String leadUnitCode, Counts total,
            List<Counts> bySection, List<Counts> byLeadUnit, List<Counts> byCounty, List<IndicatorLine> indicators,
            List<Counts> trend) {
    }

    /** Plans the current user may look at (every plan; what is inside is restricted by {@link #dashboard}). */
    @Transactional(readOnly = true)
    public List<PlanScope> plans() {
        leadUnitRestriction();
        return facts.plans();
    }

    /**
     * The dashboard of a plan, for one cycle or (cycleId null) every opened cycle together. The trend always covers
     * every opened cycle.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(Long planId, Long cycleId) {
        String lead = leadUnitRestriction();
        PlanScope plan = facts.plans().stream().filter(p -> p.planId().equals(planId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No plan " + planId));
        PlanScope.Cycle cycle = null;
        if (cycleId != null) {
            cycle = plan.cycles().stream().filter(c -> c.cycleId().equals(cycleId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("报送周期不属于该计划或尚未开启 / cycle " + cycleId
                            + " is not an opened cycle of plan " + plan.label()));
        }
        LocalDate today = LocalDate.now(clock);
        List<ReportFact> all = facts.reports(planId, null, lead, clock.getZone());
        Long only = cycleId;
        List<ReportFact> inScope = only == null ? all : all.stream().filter(f -> f.cycleId().equals(only)).toList();

        Counts total = count("ALL", "", inScope, today);
        List<Counts> bySection = group(inScope, today, f -> String.valueOf(f.sectionNumber()),
                f -> f.sectionLabel() + " " + f.sectionTitle(), Comparator.comparingInt(ReportFact::sectionNumber));
        List<Counts> byLead = group(inScope.stream().filter(f -> f.primaryLeadCode() != null).toList(), today,
                ReportFact::primaryLeadCode, ReportFact::primaryLeadName,
                Comparator.comparing((ReportFact f) -> f.primaryLeadSortOrder()).thenComparing(ReportFact::primaryLeadCode));
        List<Counts> byCounty = group(inScope.stream().filter(f -> f.unitType().isCountyLevel()).toList(), today,
                ReportFact::unitCode, ReportFact::unitName,
                Comparator.comparingInt(ReportFact::unitSortOrder).thenComparing(ReportFact::unitCode));
        List<Counts> trend = group(all, today, ReportFact::periodCode, ReportFact::periodCode,
                Comparator.comparing(ReportFact::periodStart));
        List<IndicatorLine> indicators = indicators(planId, cycle, lead);
        return new Dashboard(plan, cycle, today, lead, total, bySection, byLead, byCounty, indicators, trend);
    }

    private List<IndicatorLine> indicators(Long planId, PlanScope.Cycle cycle, String lead) {
        // per indicator, per unit: the latest value (rows come oldest cycle first, so later ones overwrite)
        Map<Long, Map<Long, BigDecimal>> latest = new HashMap<>();
        for (IndicatorFact v : facts.indicatorValues(planId, cycle == null ? null : cycle.periodStart(), lead)) {
            latest.computeIfAbsent(v.indicatorId(), k -> new LinkedHashMap<>()).put(v.unitId(), v.actual());
        }
        List<IndicatorLine> lines = new ArrayList<>();
        for (IndicatorFact i : facts.indicators(planId, lead)) {
            Map<Long, BigDecimal> perUnit = latest.getOrDefault(i.indicatorId(), Map.of());
            BigDecimal actual = perUnit.isEmpty() ? null
                    : perUnit.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
            lines.add(new IndicatorLine(i.indicatorId(), i.taskNumber(), i.seq(), i.phrase(), i.comparator(),
                    i.target().stripTrailingZeros(), i.measureUnit(), actual, Achievement.percentOfTarget(actual,
                            i.target()), Achievement.met(i.comparator(), actual, i.target()), perUnit.size()));
        }
        return lines;
    }

    private static List<Counts> group(List<ReportFact> facts, LocalDate today, Function<ReportFact, String> key,
            Function<ReportFact, String> label, Comparator<ReportFact> order) {
        Map<String, List<ReportFact>> groups = new LinkedHashMap<>();
        facts.stream().sorted(order).forEach(f -> groups.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f));
        return groups.entrySet().stream()
                .map(e -> count(e.getKey(), label.apply(e.getValue().get(0)), e.getValue(), today)).toList();
    }

    static Counts count(String key, String label, List<ReportFact> facts, LocalDate today) {
        int due = 0;
        int onTime = 0;
        int late = 0;
        int returned = 0;
        int escalated = 0;
        for (ReportFact f : facts) {
            due += f.isDue(today) ? 1 : 0;
            onTime += f.onTime() ? 1 : 0;
            late += f.late(today) ? 1 : 0;
            returned += f.returned() ? 1 : 0;
            escalated += f.escalated() ? 1 : 0;
        }
        return new Counts(key, label, facts.size(), due, onTime, late, returned, escalated);
    }

    /** Null for the supervision office and admins (everything), the unit's code for a lead unit's reviewers. */
    private String leadUnitRestriction() {
        DubanUserDetails user = currentUser.require();
        if (user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN)) {
            return null;
        }
        if (user.hasRole(Role.REVIEWER)) {
            return user.getUnitCode();
        }
        throw new AccessDeniedException("只有督查室、管理员和牵头单位审核人可以查看统计图表 / the dashboards are for the "
                + "supervision office, admins and lead units' reviewers");
    }
}
