package org.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.catalog.KeyTask;
import org.duban.shared.BaseEntity;

/** The primary lead asked to change who does a task; the supervisor approves (with the new lead) or rejects. */
@Entity
@Table(name = "assignment_adjustment")
public class AssignmentAdjustment extends BaseEntity {

    public enum Status {
        REQUESTED, APPROVED, REJECTED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @Column(name = "requested_by", nullable = false, length = 60)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(nullable = false, length = BaseEntity.LONG_TEXT)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.REQUESTED;

    @Column(name = "decided_by", length = 60)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = BaseEntity.LONG_TEXT)
    private String decisionNote;

    protected AssignmentAdjustment() {
    }

    AssignmentAdjustment(KeyTask task, String requestedBy, Instant requestedAt, String reason) {
        this.task = task;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.reason = reason;
    }

    void decide(boolean approved, String note, String by, Instant at) {
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public KeyTask getTask() {
        return task;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
