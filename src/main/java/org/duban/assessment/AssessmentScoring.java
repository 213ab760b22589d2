package org.duban.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The assessment's arithmetic, free of the database so it can be checked by hand. Each component is normalised to
 * 0–100 points:
 * <ul>
 * <li>on-time reporting: 100 × on-time ÷ due (no data while nothing is due);</li>
 * <li>returns: 100 × (1 − returns ÷ submitted reports), at least 0 (no data while nothing was submitted);</li>
 * <li>escalations (督办): 100 × (1 − 督办 ÷ reports owed), at least 0 (a unit that owes no report but was escalated
 * as a late reviewer counts against 1);</li>
 * <li>indicator progress: the average achievement of the indicators the unit reported on (no data if none).</li>
 * </ul>
 * The score is Σ points × weight ÷ Σ weights, summed over the components that have data — a component without data
 * neither helps nor hurts, its weight is shared out over the others in proportion. Each contribution is rounded to two
 * decimals and the score is the sum of the rounded contributions, so the figures on screen add up.
 * <p>
 * Ranking order: higher score first (no score last); ties broken by higher on-time points, then higher escalation
 * points, higher returns points, higher indicator points (no data counts below 0), then registry order and unit code.
 * Units equal in score and in all four points share a rank (1, 1, 3).
 */
public final class AssessmentScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AssessmentScoring() {
    }

    /** Scores every unit and ranks them. */
    public static List<UnitScore> rank(List<UnitBasis> units, Weights weights) {
        List<UnitScore> sorted = units.stream().map(u -> score(u, weights))
                .sorted(ORDER.thenComparingInt((UnitScore s) -> s.basis().sortOrder())
                        .thenComparing(UnitScore::unitCode))
                .toList();
        List<UnitScore> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore unit = sorted.get(i);
            boolean tie = i > 0 && ORDER.compare(sorted.get(i - 1), unit) == 0;
            ranked.add(unit.ranked(tie ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }

    /** Best first; see the class comment. Equal under this order means a shared rank. */
    static final Comparator<UnitScore> ORDER = Comparator
            .comparing((UnitScore s) -> s.score() == null ? BigDecimal.valueOf(-1) : s.score(), Comparator.reverseOrder())
            .thenComparing(s -> points(s, Weights.Component.ON_TIME), Comparator.reverseOrder())
            .thenComparing(s -> points(s, Weights.Component.ESCALATIONS), Comparator.reverseOrder())
            .thenComparing(s -> points(s, Weights.Component.RETURNS), Comparator.reverseOrder())
            .thenComparing(s -> points(s, Weights.Component.INDICATORS), Comparator.reverseOrder());

    private static BigDecimal points(UnitScore score, Weights.Component component) {
        BigDecimal points = score.component(component).points();
        return points == null ? BigDecimal.valueOf(-1) : points;
    }

    static UnitScore score(UnitBasis u, Weights weights) {
        Double[] points = new Double[4];
        BigDecimal[] raw = new BigDecimal[4];
        int[] count = {u.onTime(), u.returns(), u.escalations(), u.indicatorLines()};
        int owed = Math.max(1, u.reports());
        int[] basis = {u.due(), u.submitted(), owed, u.indicatorLines()};
        if (u.due() > 0) {
            points[0] = 100.0 * u.onTime() / u.due();
            raw[0] = round(points[0]);
        }
        if (u.submitted() > 0) {
            double perReport = (double) u.returns() / u.submitted();
            points[1] = Math.max(0, 100 * (1 - perReport));
            raw[1] = round(perReport);
        }
        double escalationsPerReport = (double) u.escalations() / owed;
        points[2] = Math.max(0, 100 * (1 - escalationsPerReport));
        raw[2] = round(escalationsPerReport);
        if (u.indicatorLines() > 0) {
            points[3] = u.indicatorPoints() / u.indicatorLines();
            raw[3] = round(points[3]);
        }
        int weightWithData = 0;
        for (Weights.Component c : Weights.Component.values()) {
            weightWithData += points[c.ordinal()] == null ? 0 : weights.of(c);
        }
        List<ComponentScore> components = new ArrayList<>(4);
        BigDecimal score = weightWithData == 0 ? null : BigDecimal.ZERO.setScale(2);
        for (Weights.Component c : Weights.Component.values()) {
            int i = c.ordinal();
            Double p = points[i];
            BigDecimal effective = null;
            BigDecimal contribution = null;
            if (p != null && weightWithData > 0) {
                effective = BigDecimal.valueOf(weights.of(c)).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(weightWithData), 2, RoundingMode.HALF_UP);
                contribution = round(p * weights.of(c) / weightWithData);
                score = score.add(contribution);
            }
            components.add(new ComponentScore(c, count[i], basis[i], raw[i], p == null ? null : round(p),
                    weights.of(c), effective, contribution));
        }
        return new UnitScore(0, u, score, List.copyOf(components));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
