package org.duban.inbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.reporting.ReportStatus;
import org.duban.workflow.forms.FormSchema;

/**
 * Everything the form screen shows of one report for the signed-in user: the deployed form, the current values, the
 * same unit's values of the previous cycle, the reviewer's latest return (reason and comments per field), the
 * attachments, and which actions the user may take now (each is checked again by the service that performs it).
 */
public record ReportScreen(Long reportId, String businessKey, String taskCode, String taskTitle, String unitName,
        String cycleCode, LocalDate dueOn, ReportStatus status, int returnCount, FormSchema schema,
        Map<String, Object> values, String previousCycleCode, Map<String, Object> previousValues,
        String returnReason, String returnedBy, Map<String, String> fieldComments, List<AttachmentInfo> attachments,
        String fillTaskId, boolean editable, boolean withdrawable, String signOffTaskId) {

    public boolean signOffAllowed() {
        return signOffTaskId != null;
    }

    public boolean hasPrevious() {
        return previousValues != null;
    }
}
