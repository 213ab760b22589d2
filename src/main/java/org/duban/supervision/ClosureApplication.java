package org.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.duban.catalog.KeyTask;
import org.duban.shared.BaseEntity;

/** 销号申请: the lead's application to close a task, with evidence, and the supervisor's decision. */
@Entity
@Table(name = "closure_application")
public class ClosureApplication extends BaseEntity {

    public enum Status {
        SUBMITTED, ACCEPTED, RETURNED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @Column(nullable = false, length = BaseEntity.LONG_TEXT)
    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.SUBMITTED;

    @Column(name = "applied_by", nullable = false, length = 60)
    private String appliedBy;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @Column(name = "decided_by", length = 60)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = BaseEntity.LONG_TEXT)
    private String decisionReason;

    @Version
    private long version;

    protected ClosureApplication() {
    }

    ClosureApplication(KeyTask task, String evidence, String appliedBy, Instant appliedAt) {
        this.task = task;
        this.evidence = evidence;
        this.appliedBy = appliedBy;
        this.appliedAt = appliedAt;
    }

    void decide(boolean accepted, String reason, String by, Instant at) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("Closure application is already " + status);
        }
        this.status = accepted ? Status.ACCEPTED : Status.RETURNED;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public KeyTask getTask() {
        return task;
    }

    public String getEvidence() {
        return evidence;
    }

    public Status getStatus() {
        return status;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }
}
