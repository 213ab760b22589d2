package org.duban.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.duban.catalog.Comparator;

/** What one unit reported for one indicator in one cycle (submitted reports only, non-empty values only). */
public record IndicatorFact(Long indicatorId, Long taskId, int taskNumber, int seq, String phrase,
        BigDecimal target, String measureUnit, Comparator comparator, Long unitId, String unitCode,
        LocalDate periodStart, BigDecimal actual) {
}
