package org.duban.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.reporting.ReportStatus;
import org.springframework.stereotype.Component;

/**
 * The one place that decides a ledger light (亮灯), on the working-day calendar and the thresholds of
 * {@link LedgerProperties}:
 * <ul>
 * <li>red: an open escalation (督办) at or above {@code escalated-from}; not submitted after the due date; waiting for
 * review after the review due date; returned {@code red-returns} times or more and not approved yet;</li>
 * <li>yellow: due (or review due) within {@code due-soon-working-days} working days; returned
 * {@code yellow-returns} times and not approved yet; approved after a late first submission
 * ({@code approved-late-light});</li>
 * <li>green: approved after an on-time first submission, or on track.</li>
 * </ul>
 * Every rule that holds is kept as a reason; the worst colour wins, and within it the first rule in
 * {@link LightRule}'s order explains the light.
 */
@Component
public class StatusLightRules {

    private final LedgerProperties properties;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public StatusLightRules(LedgerProperties properties, WorkingDayCalendar calendar, Clock clock) {
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    public LedgerProperties properties() {
        return properties;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public StatusLight evaluate(LightFacts facts) {
        LocalDate today = today();
        List<StatusLight.Reason> reasons = new ArrayList<>();
        if (facts.status() == ReportStatus.APPROVED) {
            boolean onTime = facts.firstSubmittedOn() != null && !facts.firstSubmittedOn().isAfter(facts.dueOn());
            if (onTime) {
                reasons.add(reason(LightRule.APPROVED_ON_TIME, facts.approvedOn(), 0));
            } else {
                int late = facts.firstSubmittedOn() == null ? 0
                        : calendar.workingDaysBetween(facts.dueOn(), facts.firstSubmittedOn());
                reasons.add(new StatusLight.Reason(properties.approvedLateLight(), LightRule.APPROVED_LATE,
                        facts.approvedOn(), late));
            }
            return decide(reasons);
        }
        if (facts.openEscalation().compareTo(properties.escalatedFrom()) >= 0) {
            reasons.add(reason(LightRule.ESCALATED, facts.openEscalationSince(), 0));
        }
        if (facts.atFillIn()) {
            deadline(reasons, today, facts.dueOn(), LightRule.OVERDUE, LightRule.DUE_SOON);
        }
        if (facts.status() == ReportStatus.AWAITING_REVIEW && facts.reviewDueOn() != null) {
            deadline(reasons, today, facts.reviewDueOn(), LightRule.REVIEW_OVERDUE, LightRule.REVIEW_DUE_SOON);
        }
        if (facts.returnCount() >= properties.redReturns()) {
            reasons.add(reason(LightRule.RETURNED_REPEATEDLY, facts.lastReturnedOn(), facts.returnCount()));
        } else if (facts.returnCount() >= properties.yellowReturns()) {
            reasons.add(reason(LightRule.RETURNED_ONCE, facts.lastReturnedOn(), facts.returnCount()));
        }
        if (reasons.isEmpty()) {
            reasons.add(reason(LightRule.ON_TRACK, null, 0));
        }
        return decide(reasons);
    }

    /** Overdue from the day after the due date; due soon from {@code due-soon-working-days} before it. */
    private void deadline(List<StatusLight.Reason> reasons, LocalDate today, LocalDate due, LightRule overdue,
            LightRule dueSoon) {
        if (today.isAfter(due)) {
            reasons.add(reason(overdue, due.plusDays(1), -calendar.workingDaysBetween(today, due)));
            return;
        }
        int left = calendar.workingDaysBetween(today, due);
        if (left <= properties.dueSoonWorkingDays()) {
            reasons.add(reason(dueSoon, calendar.addWorkingDays(due, -properties.dueSoonWorkingDays()), left));
        }
    }

    private static StatusLight.Reason reason(LightRule rule, LocalDate since, int detail) {
        return new StatusLight.Reason(rule.fixedLight(), rule, since, detail);
    }

    private static StatusLight decide(List<StatusLight.Reason> reasons) {
        List<StatusLight.Reason> ordered = reasons.stream()
                .sorted(Comparator.comparing(StatusLight.Reason::light).reversed()
                        .thenComparing(StatusLight.Reason::rule))
                .toList();
        StatusLight.Reason first = ordered.get(0);
        return new StatusLight(first.light(), first.rule(), first.since(), first.detail(), ordered, null);
    }
}
