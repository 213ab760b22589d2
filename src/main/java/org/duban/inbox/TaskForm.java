package org.duban.inbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.workflow.forms.FormSchema;

/**
 * What the generic form screen shows of one open step that is not a unit's progress report (closure, coordination,
 * supervision case, work plan, …): the step, the key task it belongs to, the Camunda Form deployed with its process,
 * the values to start from, and the facts the decision rests on (the problem raised, the closure evidence, …).
 * {@code draftable} says whether the service behind the step can keep a draft; none of today's can.
 */
public record TaskForm(String taskId, String activityId, String stepName, String businessKey, String taskCode,
        Integer taskNumber, String taskTitle, LocalDate dueOn, String assignee, FormSchema schema,
        Map<String, Object> values, List<Fact> facts, boolean draftable) {

    /** One thing the user should read before deciding: a label key of the {@code work} bundle and its text. */
    public record Fact(String labelKey, String text) {
    }
}
