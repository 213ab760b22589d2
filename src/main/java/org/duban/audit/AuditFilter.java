package org.duban.audit;

import java.time.Instant;

/**
 * What the audit screen asks for; every part is optional. {@code to} is exclusive. {@code actor} and
 * {@code subjectText} match anywhere, ignoring case ({@code subjectText} in the subject's id and the summary, so a task
 * code such as {@code 2023-T23} finds its reports). {@code unitCode}: what the unit's users did, and what was done to
 * the unit or its reports (report keys end with the unit code).
 */
public record AuditFilter(Instant from, Instant to, String actor, String unitCode, String action,
        String subjectText) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter {
        actor = blankToNull(actor);
        unitCode = blankToNull(unitCode);
        action = blankToNull(action);
        subjectText = blankToNull(subjectText);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("起始时间须早于截止时间 / the start must be before the end");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
