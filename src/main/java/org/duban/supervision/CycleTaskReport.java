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
import org.duban.reporting.ReportingCycle;
import org.duban.shared.BaseEntity;

/** The primary lead's consolidated report on a task for one cycle (汇总报送), decided by the supervisor. */
@Entity
@Table(name = "cycle_task_report")
public class CycleTaskReport extends BaseEntity {

    public enum Status {
        OPEN, SUBMITTED, RETURNED, ACCEPTED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private ReportingCycle cycle;

    @Column(length = BaseEntity.LONG_TEXT)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.OPEN;

    @Column(name = "return_count", nullable = false)
    private int returnCount;

    @Column(name = "submitted_by", length = 60)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by", length = 60)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = BaseEntity.LONG_TEXT)
    private String decisionReason;

    @Version
    private long version;

    protected CycleTaskReport() {
    }

    CycleTaskReport(KeyTask task, ReportingCycle cycle) {
        this.task = task;
        this.cycle = cycle;
    }

    void submit(String summary, String by, Instant at) {
        if (status != Status.OPEN && status != Status.RETURNED) {
            throw new IllegalStateException("Cycle report " + task.getCode() + "/" + cycle.getPeriodCode() + " is "
                    + status);
        }
        this.summary = summary;
        this.status = Status.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    void decide(boolean accepted, String reason, String by, Instant at) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("Cycle report is " + status + ", not submitted");
        }
        this.status = accepted ? Status.ACCEPTED : Status.RETURNED;
        if (!accepted) {
            returnCount++;
        }
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public KeyTask getTask() {
        return task;
    }

    public ReportingCycle getCycle() {
        return cycle;
    }

    public String getSummary() {
        return summary;
    }

    public Status getStatus() {
        return status;
    }

    public int getReturnCount() {
        return returnCount;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
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
