package org.duban.reporting;

/** Where a unit's progress report stands. */
public enum ReportStatus {
    /** Created when the cycle opened; nothing written yet. */
    NOT_STARTED,
    /** The clerk saved a draft. */
    DRAFT,
    /** Submitted; waiting for the unit leader's sign-off. */
    AWAITING_SIGNOFF,
    /** Left the unit; waiting for the lead unit's review. */
    AWAITING_REVIEW,
    /** Sent back to the clerk with a reason. */
    RETURNED,
    /** Approved by the lead unit. */
    APPROVED;

    public boolean isEditableByClerk() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }
}
