package org.duban.escalation;

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
import org.duban.org.Unit;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ProgressReport;
import org.duban.shared.BaseEntity;

/** One step of escalation (提醒, 催办, 督办) on a late report or review, by the timer or by a supervisor's hand. */
@Entity
@Table(name = "escalation")
public class Escalation extends BaseEntity {

    public enum Stage {
        /** The clerk has not submitted. */
        FILL,
        /** The lead unit has not reviewed. */
        REVIEW,
        /** A supervisor urged by hand. */
        MANUAL
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    /** The unit that is late (the reporting unit at FILL, the reviewing lead unit at REVIEW). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "esc_level", nullable = false, length = 20)
    private EscalationLevel level;

    @Column(nullable = false, length = 500)
    private String reason;

    /** Candidate groups or user names notified, comma-separated. */
    @Column(nullable = false, length = 500)
    private String recipients;

    @Column(nullable = false, length = 60)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** The supervision office's case (督办件) process instance, for office-level escalations. */
    @Column(name = "case_instance_id", length = 64)
    private String caseInstanceId;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Escalation() {
    }

    Escalation(KeyTask task, ProgressReport report, Unit unit, Stage stage, EscalationLevel level, String reason,
            String recipients, String actor, Instant occurredAt) {
        this.task = task;
        this.report = report;
        this.unit = unit;
        this.stage = stage;
        this.level = level;
        this.reason = reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
        this.recipients = recipients;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    void linkCase(String caseInstanceId) {
        this.caseInstanceId = caseInstanceId;
    }

    void resolve(Instant at) {
        if (resolvedAt == null) {
            this.resolvedAt = at;
        }
    }

    public KeyTask getTask() {
        return task;
    }

    public ProgressReport getReport() {
        return report;
    }

    public Unit getUnit() {
        return unit;
    }

    public Stage getStage() {
        return stage;
    }

    public EscalationLevel getLevel() {
        return level;
    }

    public String getReason() {
        return reason;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getCaseInstanceId() {
        return caseInstanceId;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
