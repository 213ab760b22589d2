package org.duban.coordination;

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
import org.duban.org.Unit;
import org.duban.reporting.ProgressReport;
import org.duban.shared.BaseEntity;

/** 问题协调: a problem raised in a report, triaged by the supervisor and answered by a coordinating unit. */
@Entity
@Table(name = "coordination_request")
public class CoordinationRequest extends BaseEntity {

    public enum Status {
        RAISED, ASSIGNED, ANSWERED, RESOLVED, REJECTED
    }

    @Column(name = "business_key", nullable = false, unique = true, length = 140)
    private String businessKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "raised_by_unit_id")
    private Unit raisedByUnit;

    @Column(name = "raised_by", nullable = false, length = 60)
    private String raisedBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "coordinating_unit_id")
    private Unit coordinatingUnit;

    @Column(nullable = false, length = BaseEntity.LONG_TEXT)
    private String problem;

    @Column(name = "triage_note", length = BaseEntity.LONG_TEXT)
    private String triageNote;

    @Column(length = BaseEntity.LONG_TEXT)
    private String response;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.RAISED;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected CoordinationRequest() {
    }

    CoordinationRequest(String businessKey, KeyTask task, ProgressReport report, Unit raisedByUnit, String raisedBy,
            String problem, Instant createdAt) {
        this.businessKey = businessKey;
        this.task = task;
        this.report = report;
        this.raisedByUnit = raisedByUnit;
        this.raisedBy = raisedBy;
        this.problem = problem;
        this.createdAt = createdAt;
    }

    void assign(Unit unit, String note) {
        this.coordinatingUnit = unit;
        this.triageNote = note;
        this.status = Status.ASSIGNED;
    }

    void reject(String note, Instant at) {
        this.triageNote = note;
        this.status = Status.REJECTED;
        this.closedAt = at;
    }

    void answer(String response) {
        this.response = response;
        this.status = Status.ANSWERED;
    }

    void confirm(Instant at) {
        this.status = Status.RESOLVED;
        this.closedAt = at;
    }

    void reopen() {
        this.status = Status.RAISED;
        this.reopenCount++;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public KeyTask getTask() {
        return task;
    }

    public ProgressReport getReport() {
        return report;
    }

    public Unit getRaisedByUnit() {
        return raisedByUnit;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Unit getCoordinatingUnit() {
        return coordinatingUnit;
    }

    public String getProblem() {
        return problem;
    }

    public String getTriageNote() {
        return triageNote;
    }

    public String getResponse() {
        return response;
    }

    public Status getStatus() {
        return status;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
