package org.duban.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A cycle's bulletin (通报): every unit's on-time rate, returns and escalations, ranked best first. */
public record CycleBulletin(String planDocument, String planTitle, String periodCode, LocalDate dueOn,
        LocalDate asOf, List<UnitPerformance> ranking) {

    /**
     * The ranking order: higher on-time rate first (nothing due yet ranks after every rate), then fewer 督办, fewer
     * returns, fewer urges, then registry order. Units equal in all four figures share a rank (1, 1, 3).
     */
    static final Comparator<UnitPerformance> ORDER = Comparator
            .comparing((UnitPerformance u) -> u.onTimeRate() == null ? -1.0 : u.onTimeRate(),
                    Comparator.reverseOrder())
            .thenComparingInt(UnitPerformance::escalations)
            .thenComparingInt(UnitPerformance::returns)
            .thenComparingInt(UnitPerformance::urges);

    static List<UnitPerformance> rank(List<UnitPerformance> units) {
        List<UnitPerformance> sorted = units.stream()
                .sorted(ORDER.thenComparingInt(UnitPerformance::sortOrder).thenComparing(UnitPerformance::unitCode))
                .toList();
        List<UnitPerformance> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            UnitPerformance unit = sorted.get(i);
            int rank = i > 0 && ORDER.compare(sorted.get(i - 1), unit) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(unit.ranked(rank));
        }
        return ranked;
    }

    public int totalReports() {
        return ranking.stream().mapToInt(UnitPerformance::reports).sum();
    }

    public int totalDue() {
        return ranking.stream().mapToInt(UnitPerformance::due).sum();
    }

    public int totalOnTime() {
        return ranking.stream().mapToInt(UnitPerformance::onTime).sum();
    }

    public int totalReturns() {
        return ranking.stream().mapToInt(UnitPerformance::returns).sum();
    }

    public int totalEscalations() {
        return ranking.stream().mapToInt(UnitPerformance::escalations).sum();
    }
}
