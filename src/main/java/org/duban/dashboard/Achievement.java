package org.duban.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.duban.catalog.Comparator;

/**
 * How far a reported actual is toward an indicator's target, by the indicator's comparator. One place, so the
 * dashboards and the unit assessment never disagree.
 * <ul>
 * <li>AT_LEAST, EXACT: the target is an amount to reach: actual ÷ target, met from 100%;</li>
 * <li>ABOUT (左右, 约): the same ratio, met within ±{@value #ABOUT_TOLERANCE_PERCENT}% of the target;</li>
 * <li>AT_MOST (以内, 控制在): the actual must stay within the target: met while actual ≤ target; beyond it the
 * score falls to target ÷ actual.</li>
 * </ul>
 */
public final class Achievement {

    public static final int ABOUT_TOLERANCE_PERCENT = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Achievement() {
    }

    /** actual ÷ target in percent (one decimal), as the dashboard shows it; null when there is no ratio. */
    public static BigDecimal percentOfTarget(BigDecimal actual, BigDecimal target) {
        if (actual == null || target == null || target.signum() == 0) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
    }

    public static boolean met(Comparator comparator, BigDecimal actual, BigDecimal target) {
        if (actual == null) {
            return false;
        }
        return switch (comparator) {
            case AT_LEAST, EXACT -> actual.compareTo(target) >= 0;
            case AT_MOST -> actual.compareTo(target) <= 0;
            case ABOUT -> actual.subtract(target).abs().multiply(HUNDRED)
                    .compareTo(target.abs().multiply(BigDecimal.valueOf(ABOUT_TOLERANCE_PERCENT))) <= 0;
        };
    }

    /** Points 0–100 for the assessment: the share of the target achieved, never above 100. */
    public static double points(Comparator comparator, BigDecimal actual, BigDecimal target) {
        if (actual == null) {
            return 0;
        }
        if (target.signum() == 0) {
            return met(comparator, actual, target) || (comparator != Comparator.AT_MOST && actual.signum() >= 0)
                    ? 100 : 0;
        }
        BigDecimal percent = switch (comparator) {
            case AT_MOST -> actual.compareTo(target) <= 0 ? HUNDRED
                    : target.multiply(HUNDRED).divide(actual, MathContext.DECIMAL64);
            case AT_LEAST, EXACT, ABOUT -> actual.multiply(HUNDRED).divide(target, MathContext.DECIMAL64);
        };
        return Math.max(0, Math.min(100, percent.doubleValue()));
    }
}
