package org.duban.ledger;

/**
 * One unit's record in a cycle, for the bulletin (通报).
 *
 * @param reports reports the unit owes this cycle
 * @param due reports due by now (the due date has passed, or submitted already)
 * @param onTime of those, first submitted on or before their due date
 * @param returns times the lead units returned its reports
 * @param urges 提醒/催办 it received (timer or by hand)
 * @param escalations 督办 (to its leader or the supervision office) it received
 * @param rank 1 for the best; units with equal figures share a rank
 */
public record UnitPerformance(String unitCode, String unitName, int sortOrder, int reports, int due, int onTime,
        int returns, int urges, int escalations, int rank) {

    /** On-time rate in percent (one decimal), or null when nothing was due yet. */
    public Double onTimeRate() {
        return due == 0 ? null : Math.round(onTime * 1000.0 / due) / 10.0;
    }

    UnitPerformance ranked(int value) {
        return new UnitPerformance(unitCode, unitName, sortOrder, reports, due, onTime, returns, urges, escalations,
                value);
    }
}
