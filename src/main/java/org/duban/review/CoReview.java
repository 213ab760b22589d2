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

/** 加签: a colleague whose opinion the reviewer asked for; the review cannot be decided while one is open. */
@Entity
@Table(name = "co_review")
public class CoReview extends BaseEntity {

    public enum Status {
        OPEN, ANSWERED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Column(name = "requested_by", nullable = false, length = 60)
    private String requestedBy;

    @Column(name = "co_reviewer", nullable = false, length = 60)
    private String coReviewer;

    /** The engine sub-task in the co-reviewer's inbox. */
    @Column(name = "engine_task_id", nullable = false, length = 64)
    private String engineTaskId;

    @Column(length = BaseEntity.LONG_TEXT)
    private String opinion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.OPEN;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected CoReview() {
    }

    CoReview(ProgressReport report, String requestedBy, String coReviewer, String engineTaskId, Instant requestedAt) {
        this.report = report;
        this.requestedBy = requestedBy;
        this.coReviewer = coReviewer;
        this.engineTaskId = engineTaskId;
        this.requestedAt = requestedAt;
    }

    void answer(String opinion, Instant at) {
        this.opinion = opinion;
        this.status = Status.ANSWERED;
        this.answeredAt = at;
    }

    public ProgressReport getReport() {
        return report;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getCoReviewer() {
        return coReviewer;
    }

    public String getEngineTaskId() {
        return engineTaskId;
    }

    public String getOpinion() {
        return opinion;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
