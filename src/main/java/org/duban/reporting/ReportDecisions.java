package org.duban.reporting;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The status changes of a report that other features decide (sign-off, review, approval), kept behind one door so
 * the report's transitions stay checked by the report itself.
 */
@Component
public class ReportDecisions {

    private final Clock clock;

    public ReportDecisions(Clock clock) {
        this.clock = clock;
    }

    public void signedOff(ProgressReport report, LocalDate reviewDue) {
        report.signedOff(reviewDue);
    }

    public void returnedByLeader(ProgressReport report) {
        report.returnedByLeader();
    }

    public void returnedToClerk(ProgressReport report) {
        report.returnedToClerk();
    }

    public void returnedToLeader(ProgressReport report) {
        report.returnedToLeader();
    }

    public void approved(ProgressReport report) {
        report.approved(clock.instant());
    }
}
