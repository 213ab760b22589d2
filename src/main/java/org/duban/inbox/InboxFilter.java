package org.duban.inbox;

import java.time.LocalDate;
import org.duban.reporting.ReportStatus;

/**
 * What the inbox shows: every field may be null (no restriction). {@code taskNumber} is a task's number within the
 * chosen plan (the cycle's plan, or the newest plan when neither is chosen). The due window is inclusive.
 */
public record InboxFilter(Scope scope, Long planId, Long sectionId, Integer taskNumber, Long cycleId,
        ReportStatus reportStatus, LocalDate dueFrom, LocalDate dueTo, Flag flag) {

    /** Whose tasks: mine (assigned to me), my unit's unclaimed ones, or both. */
    public enum Scope {
        ALL, MINE, CLAIMABLE
    }

    /** The marks that make an item stand out. */
    public enum Flag {
        OVERDUE, DUE_SOON, RETURNED
    }

    public static InboxFilter all() {
        return new InboxFilter(Scope.ALL, null, null, null, null, null, null, null, null);
    }

    public InboxFilter withScope(Scope value) {
        return new InboxFilter(value, planId, sectionId, taskNumber, cycleId, reportStatus, dueFrom, dueTo, flag);
    }

    public InboxFilter withPlan(Long value) {
        return new InboxFilter(scope, value, sectionId, taskNumber, cycleId, reportStatus, dueFrom, dueTo, flag);
    }

    public InboxFilter withSection(Long value) {
        return new InboxFilter(scope, planId, value, taskNumber, cycleId, reportStatus, dueFrom, dueTo, flag);
    }

    public InboxFilter withTaskNumber(Integer value) {
        return new InboxFilter(scope, planId, sectionId, value, cycleId, reportStatus, dueFrom, dueTo, flag);
    }

    public InboxFilter withCycle(Long value) {
        return new InboxFilter(scope, planId, sectionId, taskNumber, value, reportStatus, dueFrom, dueTo, flag);
    }

    public InboxFilter withReportStatus(ReportStatus value) {
        return new InboxFilter(scope, planId, sectionId, taskNumber, cycleId, value, dueFrom, dueTo, flag);
    }

    public InboxFilter withDue(LocalDate from, LocalDate to) {
        return new InboxFilter(scope, planId, sectionId, taskNumber, cycleId, reportStatus, from, to, flag);
    }

    public InboxFilter withFlag(Flag value) {
        return new InboxFilter(scope, planId, sectionId, taskNumber, cycleId, reportStatus, dueFrom, dueTo, value);
    }

    Scope scopeOrAll() {
        return scope == null ? Scope.ALL : scope;
    }
}
