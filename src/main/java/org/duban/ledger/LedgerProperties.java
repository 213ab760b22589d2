package org.duban.ledger;

import org.duban.reporting.EscalationLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the status lights ({@code duban.ledger.*} in application.yaml).
 *
 * @param dueSoonWorkingDays a report not yet submitted turns yellow this many working days before its due date
 * @param yellowReturns returns (by the lead unit) that turn an open report yellow
 * @param redReturns returns that turn an open report red
 * @param escalatedFrom the lowest open escalation level that turns a report red (督办 to the unit leader by default)
 * @param approvedLateLight colour of a report approved after being first submitted late
 * @param pageSize rows the ledger screen fetches per request
 */
@ConfigurationProperties("duban.ledger")
public record LedgerProperties(
        @DefaultValue("3") int dueSoonWorkingDays,
        @DefaultValue("1") int yellowReturns,
        @DefaultValue("2") int redReturns,
        @DefaultValue("ESCALATE_LEADER") EscalationLevel escalatedFrom,
        @DefaultValue("YELLOW") Light approvedLateLight,
        @DefaultValue("50") int pageSize) {

    public LedgerProperties {
        if (dueSoonWorkingDays < 0 || yellowReturns < 1 || redReturns <= yellowReturns) {
            throw new IllegalArgumentException("duban.ledger: need due-soon-working-days >= 0 and "
                    + "1 <= yellow-returns < red-returns");
        }
        if (escalatedFrom == EscalationLevel.NONE) {
            throw new IllegalArgumentException("duban.ledger.escalated-from must be an escalation level");
        }
    }

    public static LedgerProperties defaults() {
        return new LedgerProperties(3, 1, 2, EscalationLevel.ESCALATE_LEADER, Light.YELLOW, 50);
    }
}
