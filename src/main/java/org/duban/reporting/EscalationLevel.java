package org.duban.reporting;

/** How far a late item has been escalated, in order. The levels and their thresholds come from the DMN policy. */
public enum EscalationLevel {
    NONE,
    /** 提醒: before the due date. */
    REMINDER,
    /** 催办: on the due date. */
    URGE,
    /** 督办 to the unit leader: after the due date. */
    ESCALATE_LEADER,
    /** 督办 to the supervision office, which gets a case of its own. */
    ESCALATE_OFFICE;

    public boolean isAbove(EscalationLevel other) {
        return compareTo(other) > 0;
    }
}
