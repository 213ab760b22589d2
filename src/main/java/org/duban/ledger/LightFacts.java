package org.duban.ledger;

import java.time.LocalDate;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;

/**
 * What the light rules look at for one report: its state and dates, read from the ledger queries.
 *
 * @param firstSubmittedOn day of the first submission (on-time is judged by it), null if never submitted
 * @param lastReturnedOn day the lead unit last returned it, null if never
 * @param openEscalation highest unresolved escalation level, {@link EscalationLevel#NONE} if none
 * @param openEscalationSince day the open escalation of that level happened
 */
public record LightFacts(ReportStatus status, LocalDate dueOn, LocalDate reviewDueOn, LocalDate firstSubmittedOn,
        LocalDate approvedOn, int returnCount, LocalDate lastReturnedOn, EscalationLevel openEscalation,
        LocalDate openEscalationSince) {

    public LightFacts {
        if (openEscalation == null) {
            openEscalation = EscalationLevel.NONE;
        }
    }

    boolean atFillIn() {
        return status.isEditableByClerk() || status == ReportStatus.AWAITING_SIGNOFF;
    }
}
