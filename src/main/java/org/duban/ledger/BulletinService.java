package org.duban.ledger;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportingCycle;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a cycle's bulletin (通报) for the supervision office from two grouped reads: the cycle's reports with their
 * first submission, and its escalations counted per late unit and level.
 */
@Service
public class BulletinService {

    private final EntityManager em;
    private final Clock clock;

    public BulletinService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SUPERVISOR')")
    public CycleBulletin bulletin(Long cycleId) {
        ReportingCycle cycle = em.find(ReportingCycle.class, cycleId);
        if (cycle == null) {
            throw new NotFoundException("No reporting cycle " + cycleId);
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, int[]> figures = new LinkedHashMap<>();
        Map<String, Object[]> names = new LinkedHashMap<>();
        List<Object[]> reports = em.createQuery("select u.code, u.name, u.sortOrder, r.dueOn, r.returnCount, "
                + "(select min(s.submittedAt) from ReportSnapshot s where s.report = r) "
                + "from ProgressReport r join r.unit u where r.cycle.id = :cycle", Object[].class)
                .setParameter("cycle", cycleId).getResultList();
        for (Object[] c : reports) {
            String code = (String) c[0];
            names.putIfAbsent(code, new Object[] {c[1], c[2]});
            int[] f = figures.computeIfAbsent(code, k -> new int[6]);
            LocalDate dueOn = (LocalDate) c[3];
            LocalDate first = c[5] == null ? null : LocalDate.ofInstant((Instant) c[5], clock.getZone());
            f[0]++;
            if (first != null || today.isAfter(dueOn)) {
                f[1]++;
            }
            if (first != null && !first.isAfter(dueOn)) {
                f[2]++;
            }
            f[3] += (Integer) c[4];
        }
        for (Object[] c : em.createQuery("select u.code, u.name, u.sortOrder, e.level, count(e) from Escalation e "
                        + "join e.unit u where e.report.cycle.id = :cycle group by u.code, u.name, u.sortOrder, e.level",
                        Object[].class)
                .setParameter("cycle", cycleId).getResultList()) {
            String code = (String) c[0];
            names.putIfAbsent(code, new Object[] {c[1], c[2]});
            int[] f = figures.computeIfAbsent(code, k -> new int[6]);
            EscalationLevel level = (EscalationLevel) c[3];
            int count = ((Long) c[4]).intValue();
            if (level == EscalationLevel.ESCALATE_LEADER || level == EscalationLevel.ESCALATE_OFFICE) {
                f[5] += count;
            } else if (level != EscalationLevel.NONE) {
                f[4] += count;
            }
        }
        List<UnitPerformance> units = figures.entrySet().stream().map(e -> {
            Object[] n = names.get(e.getKey());
            int[] f = e.getValue();
            return new UnitPerformance(e.getKey(), (String) n[0], (Integer) n[1], f[0], f[1], f[2], f[3], f[4], f[5],
                    0);
        }).toList();
        return new CycleBulletin(cycle.getPlan().getDocumentNumber(), cycle.getPlan().getTitle(),
                cycle.getPeriodCode(), cycle.getDueOn(), today, CycleBulletin.rank(units));
    }
}
