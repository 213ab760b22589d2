package org.duban.notify;

import java.time.LocalDate;

/**
 * What a notification is about, as the workflow knows it. The templates fill these into Chinese text; any value may be
 * null and its part of the text is then left out, because a missing detail must not stop the step that notifies.
 *
 * @param taskCode  the task's readable code, e.g. {@code 2023-T23}
 * @param taskTitle the task's short title
 * @param unitName  the unit whose work it is (the reporting unit, or the unit that raised a problem); may be null
 * @param cycle     the reporting period, e.g. {@code 2023Q2}; null for task-level events
 * @param reason    why: a return reason, an urging note, an approval comment, the problem to coordinate; may be null
 * @param dueDate   when the work is due; may be null
 * @param actor     user name of who did it; null or {@code system} for timers
 * @param link      app-relative route to open, e.g. {@code report/2023-T23-Q2-CAOXIAN}; may be null
 */
public record NotificationContent(String taskCode, String taskTitle, String unitName, String cycle, String reason,
        LocalDate dueDate, String actor, String link) {
}
