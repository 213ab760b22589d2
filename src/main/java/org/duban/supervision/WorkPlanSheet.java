package org.duban.supervision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.duban.catalog.Comparator;

/**
 * What the lead unit splits in its work plan: the task's indicators, the units that report on it (participants and
 * the other lead units), the lead units that may review them, and what was chosen so far.
 *
 * @param shares    saved shares by {@link #key(Long, String) indicator and unit}
 * @param reviewers each reporting unit's reviewing lead unit (code → code); the primary lead when none was chosen
 */
public record WorkPlanSheet(List<Target> indicators, List<UnitRef> reporting, List<UnitRef> leads,
        Map<String, BigDecimal> shares, Map<String, String> reviewers) {

    public record Target(Long id, String phrase, BigDecimal value, String measureUnit, Comparator comparator) {
    }

    public record UnitRef(String code, String name) {
    }

    public static String key(Long indicatorId, String unitCode) {
        return indicatorId + ":" + unitCode;
    }
}
