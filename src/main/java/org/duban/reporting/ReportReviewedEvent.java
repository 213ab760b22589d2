package org.duban.reporting;

/** The lead unit decided on a report (approved or returned); published in the deciding transaction. */
public record ReportReviewedEvent(Long reportId, boolean approved) {
}
