package org.duban.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.reporting.ProgressReport;
import org.duban.shared.BaseEntity;
import org.hibernate.annotations.Immutable;

/** A decision on a report: the unit leader's sign-off, the lead unit's review, or a co-reviewer's opinion. */
@Entity
@Immutable
@Table(name = "review_decision")
public class ReviewDecision extends BaseEntity {

    public enum Stage {
        SIGN_OFF, REVIEW, CO_REVIEW
    }

    public enum Outcome {
        APPROVED, RETURNED_TO_CLERK, RETURNED_TO_LEADER, OPINION
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Outcome decision;

    @Column(length = BaseEntity.LONG_TEXT)
    private String reason;

    /** Comments attached to fields that need fixing: JSON object field key → comment. */
    @Column(name = "field_comments", length = BaseEntity.LONG_TEXT)
    private String fieldComments;

    @Column(name = "decided_by", nullable = false, length = 60)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected ReviewDecision() {
    }

    public ReviewDecision(ProgressReport report, Stage stage, Outcome decision, String reason, String fieldComments,
            String decidedBy, Instant decidedAt) {
        this.report = report;
        this.stage = stage;
        this.decision = decision;
        this.reason = reason;
        this.fieldComments = fieldComments;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public ProgressReport getReport() {
        return report;
    }

    public Stage getStage() {
        return stage;
    }

    public Outcome getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getFieldComments() {
        return fieldComments;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
