package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One quantitative target of a task, e.g. {@code 新增护理型养老床位1500张} → 1500 张 EXACT.
 *
 * @param text       the phrase of the task text the figure comes from
 * @param value      the figure (for a range such as 2—3家, the lower bound)
 * @param unit       the unit of measure as written (家, 万千瓦, %, 亿立方米 …)
 * @param comparator how the figure is meant
 */
public record ParsedIndicator(String text, BigDecimal value, String unit, Comparator comparator) {

    public ParsedIndicator {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(comparator, "comparator");
    }
}
