package org.duban.catalog;

/**
 * One difference between a stored plan and a new version of its document, which an admin accepts or leaves.
 *
 * @param id         stable for the same difference ({@code T12:UNIT_ADDED:市水务局}), so a choice made on a preview
 *                   can be checked against the stored plan again when it is applied
 * @param kind       what changes
 * @param taskNumber the task it concerns; 0 for the plan's and its sections' titles
 * @param subject    the unit, indicator position (1, 2, …; the stored one, or the document's for an added indicator) or
 *                   token concerned; the task title for task changes; the
 *                   section's numeral for a section
 * @param before     the stored value (null for additions)
 * @param after      the new document's value (null for removals)
 * @param blocked    why it cannot be applied (e.g. reports refer to the indicator); null when it can
 */
public record PlanChange(String id, Kind kind, int taskNumber, String subject, String before, String after,
        String blocked) {

    public enum Kind {
        TASK_ADDED, TASK_WITHDRAWN, TASK_RESTORED, TASK_TEXT_CHANGED, UNIT_ADDED, UNIT_REMOVED, UNIT_ROLE_CHANGED,
        INDICATOR_ADDED, INDICATOR_CHANGED, INDICATOR_REMOVED, OPEN_TOKEN_ADDED, OPEN_TOKEN_REMOVED,
        /** The plan's title (task number 0). */
        PLAN_RETITLED,
        /** A section's title; the subject is the section's numeral (task number 0). */
        SECTION_RETITLED,
        /** A task now printed under another section: shown, never applied to a stored plan. */
        TASK_MOVED
    }

    static PlanChange of(Kind kind, int taskNumber, String subject, String before, String after) {
        return new PlanChange(idOf(kind, taskNumber, subject), kind, taskNumber, subject, before, after, null);
    }

    static String idOf(Kind kind, int taskNumber, String subject) {
        return "T" + taskNumber + ":" + kind + (subject == null || kind.name().startsWith("TASK_") ? "" : ":" + subject);
    }

    PlanChange blockedBecause(String reason) {
        return new PlanChange(id, kind, taskNumber, subject, before, after, reason);
    }

    public boolean applicable() {
        return blocked == null;
    }

    /** One line for the audit trail and the import record. */
    public String describe() {
        StringBuilder line = new StringBuilder((taskNumber == 0 ? "计划 " : "任务" + taskNumber + " ") + kind);
        if (subject != null) {
            line.append(" ").append(subject);
        }
        if (before != null || after != null) {
            line.append(": “").append(abbreviate(before)).append("” → “").append(abbreviate(after)).append("”");
        }
        return line.toString();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
