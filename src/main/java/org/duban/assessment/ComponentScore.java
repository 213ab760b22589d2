package org.duban.assessment;

import java.math.BigDecimal;

/**
 * One component of a unit's score, with everything needed to recompute it by hand.
 *
 * @param count what was counted (on-time reports, returns, 督办, indicator lines)
 * @param basis what it was counted against (due reports, submitted reports, reports owed, indicator lines)
 * @param raw the raw figure the points come from: on-time rate in %, returns per submitted report, 督办 per report
 *     owed, average indicator achievement in %; null without data
 * @param points normalised to 0–100 (two decimals), null when the unit has no data for this component
 * @param weight the admin's weight in %
 * @param effectiveWeight the weight actually applied in %: the admin's weights rescaled over the components with data
 * @param contribution points × effective weight ÷ 100, rounded to two decimals; the score is their sum
 */
public record ComponentScore(Weights.Component component, int count, int basis, BigDecimal raw, BigDecimal points,
        int weight, BigDecimal effectiveWeight, BigDecimal contribution) {

    public boolean hasData() {
        return points != null;
    }
}
