package org.duban.assessment;

/**
 * What a unit's score is computed from, for the chosen plan and period.
 *
 * @param reports reports the unit owes
 * @param due of those, due by now (due date passed, or submitted)
 * @param onTime of the due ones, first submitted on or before the due date
 * @param submitted reports submitted at least once
 * @param returns times the lead units returned the unit's reports
 * @param escalations 督办 (to its leader or the supervision office) it received as the late unit
 * @param indicatorLines indicators the unit reported a value for
 * @param indicatorPoints sum of the lines' points (0–100 each, see {@code Achievement#points})
 */
public record UnitBasis(String unitCode, String unitName, int sortOrder, int reports, int due, int onTime,
        int submitted, int returns, int escalations, int indicatorLines, double indicatorPoints) {
}
