package org.duban.notify;

import java.util.Locale;

/**
 * Why a user is told something. Each kind has its own template, {@code notify/<kind in lower case>.txt}; urging and
 * escalation are pressing enough to go out by SMS as well.
 */
public enum NotificationKind {
    /** 交办: a task or report was assigned. */
    ASSIGNED,
    /** 提醒: a due date is near. */
    DUE_SOON,
    /** 催办: the due date has come and the work is not in. */
    URGED,
    /** 退回: a report came back with a reason. */
    RETURNED,
    /** 督办: overdue work went up to the supervision office. */
    ESCALATED,
    /** 审核通过: a report or application was approved. */
    APPROVED,
    /** 问题协调: a unit is asked to help solve a problem raised in a report. */
    COORDINATION_REQUESTED,
    /** 抄送: for information only. */
    COPIED;

    public boolean sendsSms() {
        return this == URGED || this == ESCALATED;
    }

    String templateName() {
        return "notify/" + name().toLowerCase(Locale.ROOT) + ".txt";
    }
}
