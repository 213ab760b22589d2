package org.duban.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A light and its explanation: the rule that decided it, since when it holds, and a number the rule explains with
 * (working days left or overdue, returns). {@code reasons} lists every rule that holds, worst first; an override keeps
 * the computed light beside the supervisor's.
 */
public record StatusLight(Light light, LightRule rule, LocalDate since, int detail, List<Reason> reasons,
        Override override) {

    public record Reason(Light light, LightRule rule, LocalDate since, int detail) {
    }

    /** A supervisor's light, which wins over the computed one. */
    public record Override(Light computed, LightRule computedRule, int computedDetail, String reason, String by,
            Instant at) {
    }

    public boolean isOverridden() {
        return override != null;
    }

    StatusLight overriddenBy(Light light, String reason, String by, Instant at) {
        return new StatusLight(light, LightRule.OVERRIDDEN, at == null ? null
                : LocalDate.ofInstant(at, java.time.ZoneId.systemDefault()), 0, reasons,
                new Override(this.light, this.rule, this.detail, reason, by, at));
    }
}
