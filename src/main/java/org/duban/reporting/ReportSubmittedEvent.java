package org.duban.reporting;

/** A clerk submitted a report (published in the submitting transaction). */
public record ReportSubmittedEvent(Long reportId, String submittedBy, boolean needsCoordination, String problems) {
}
