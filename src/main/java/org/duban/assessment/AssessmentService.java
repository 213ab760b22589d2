package org.duban.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditService;
import org.duban.dashboard.Achievement;
import org.duban.dashboard.IndicatorFact;
import org.duban.dashboard.PlanScope;
import org.duban.dashboard.ReportFact;
import org.duban.dashboard.ReportFacts;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit assessment (考核): a score per unit for a plan's cycle (or all its opened cycles so far) from on-time reporting,
 * returns, 督办 and indicator progress, weighted as an admin set them ({@link AssessmentScoring} has the arithmetic
 * and the ranking order). The supervision office and admins see every unit; a unit leader sees the own unit's line
 * and rank; nobody else sees scores. Only admins change the weights, and every change is audited.
 */
@Service
public class AssessmentService {

    static final String WEIGHTS_CHANGED = "ASSESSMENT_WEIGHTS_CHANGED";

    private final ReportFacts facts;
    private final AssessmentWeightsRepository weightsRepository;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AssessmentService(ReportFacts facts, AssessmentWeightsRepository weightsRepository, AuditService audit,
            CurrentUser currentUser, Clock clock) {
        this.facts = facts;
        this.weightsRepository = weightsRepository;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The assessment of one period. {@code lines} holds every unit for supervisors and admins, the own unit only
     * for a unit leader ({@code ownUnitOnly}); {@code unitsRanked} is the size of the whole ranking either way.
     */
    public record Assessment(PlanScope plan, PlanScope.Cycle cycle, LocalDate asOf, Weights weights,
            boolean ownUnitOnly, int unitsRanked, List<UnitScore> lines) {
    }

    /** What the current user may do here. */
    public record Access(boolean seesAllUnits, boolean mayChangeWeights) {
    }

    public Access access() {
        DubanUserDetails user = requireViewer();
        return new Access(seesAll(user), user.hasRole(Role.ADMIN));
    }

    @Transactional(readOnly = true)
    public List<PlanScope> plans() {
        requireViewer();
        return facts.plans();
    }

    @Transactional(readOnly = true)
    public Weights weights() {
        requireViewer();
        return currentWeights();
    }

    /** Sets the weights (admins only): all four given, none negative, 100 in total; the change is audited. */
    @Transactional
    public Weights updateWeights(Integer onTime, Integer returns, Integer escalations, Integer indicators) {
        DubanUserDetails user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以调整考核权重 / only admins may change the assessment weights");
        }
        Weights next = Weights.validated(onTime, returns, escalations, indicators);
        AssessmentWeights row = weightsRepository.findById(AssessmentWeights.ID).orElse(null);
        Weights before = row == null ? Weights.DEFAULTS : row.weights();
        if (row == null) {
            row = new AssessmentWeights(next, user.getUsername(), clock.instant());
        } else {
            row.set(next, user.getUsername(), clock.instant());
        }
        weightsRepository.saveAndFlush(row);
        audit.record(user.getUsername(), WEIGHTS_CHANGED, "AssessmentWeights", String.valueOf(AssessmentWeights.ID),
                "考核权重（按时报送/退回/督办/指标进度）由 " + before + " 调整为 " + next, before.toString(),
                next.toString());
        return next;
    }

    /** The ranking of a plan for one opened cycle, or every opened cycle together when {@code cycleId} is null. */
    @Transactional(readOnly = true)
    public Assessment assess(Long planId, Long cycleId) {
        DubanUserDetails user = requireViewer();
        PlanScope plan = facts.plans().stream().filter(p -> p.planId().equals(planId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No plan " + planId));
        PlanScope.Cycle cycle = null;
        if (cycleId != null) {
            cycle = plan.cycles().stream().filter(c -> c.cycleId().equals(cycleId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("报送周期不属于该计划或尚未开启 / cycle " + cycleId
                            + " is not an opened cycle of plan " + plan.label()));
        }
        Weights weights = currentWeights();
        LocalDate today = LocalDate.now(clock);
        List<UnitScore> ranking = AssessmentScoring.rank(bases(planId, cycle, today), weights);
        if (seesAll(user)) {
            return new Assessment(plan, cycle, today, weights, false, ranking.size(), ranking);
        }
        List<UnitScore> own = ranking.stream().filter(s -> s.unitCode().equals(user.getUnitCode())).toList();
        return new Assessment(plan, cycle, today, weights, true, ranking.size(), own);
    }

    private List<UnitBasis> bases(Long planId, PlanScope.Cycle cycle, LocalDate today) {
        Long cycleId = cycle == null ? null : cycle.cycleId();
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        for (ReportFact f : facts.reports(planId, cycleId, null, clock.getZone())) {
            Tally t = tallies.computeIfAbsent(f.unitId(), k -> new Tally(f.unitCode(), f.unitName(),
                    f.unitSortOrder()));
            t.reports++;
            t.due += f.isDue(today) ? 1 : 0;
            t.onTime += f.onTime() ? 1 : 0;
            t.submitted += f.submitted() ? 1 : 0;
            t.returns += f.returnCount();
        }
        for (ReportFacts.EscalationCount e : facts.escalationsByUnit(planId, cycleId)) {
            tallies.computeIfAbsent(e.unitId(), k -> new Tally(e.unitCode(), e.unitName(), e.unitSortOrder()))
                    .escalations += e.count();
        }
        // indicator progress as of the period: each unit's latest value per indicator, against its planned share
        Map<Long, Map<Long, BigDecimal>> shares = facts.plannedShares(planId);
        Map<Long, Map<Long, IndicatorFact>> latest = new HashMap<>();
        for (IndicatorFact v : facts.indicatorValues(planId, cycle == null ? null : cycle.periodStart(), null)) {
            if (tallies.containsKey(v.unitId())) {
                latest.computeIfAbsent(v.unitId(), k -> new HashMap<>()).put(v.indicatorId(), v);
            }
        }
        latest.forEach((unitId, byIndicator) -> {
            Tally t = tallies.get(unitId);
            for (IndicatorFact v : byIndicator.values()) {
                BigDecimal target = shares.getOrDefault(v.indicatorId(), Map.of()).getOrDefault(unitId, v.target());
                t.indicatorLines++;
                t.indicatorPoints += Achievement.points(v.comparator(), v.actual(), target);
            }
        });
        return tallies.values().stream().map(Tally::basis).toList();
    }

    private static final class Tally {
        final String code;
        final String name;
        final int sortOrder;
        int reports;
        int due;
        int onTime;
        int submitted;
        int returns;
        int escalations;
        int indicatorLines;
        double indicatorPoints;

        Tally(String code, String name, int sortOrder) {
            this.code = code;
            this.name = name;
            this.sortOrder = sortOrder;
        }

        UnitBasis basis() {
            return new UnitBasis(code, name, sortOrder, reports, due, onTime, submitted, returns, escalations,
                    indicatorLines, indicatorPoints);
        }
    }

    private Weights currentWeights() {
        return weightsRepository.findById(AssessmentWeights.ID).map(AssessmentWeights::weights)
                .orElse(Weights.DEFAULTS);
    }

    private static boolean seesAll(DubanUserDetails user) {
        return user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN);
    }

    private DubanUserDetails requireViewer() {
        DubanUserDetails user = currentUser.require();
        if (seesAll(user) || user.hasRole(Role.UNIT_LEADER)) {
            return user;
        }
        throw new AccessDeniedException("考核结果仅对督查室、管理员和单位负责人开放 / assessment scores are for the "
                + "supervision office, admins and unit leaders");
    }
}
