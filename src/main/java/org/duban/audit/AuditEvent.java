package org.duban.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.shared.BaseEntity;
import org.hibernate.annotations.Immutable;

/** One state change, as it happened. Append-only: never updated, never deleted. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends BaseEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 60)
    private String actor;

    @Column(nullable = false, updatable = false, length = 40)
    private String action;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 40)
    private String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false, length = 100)
    private String entityId;

    @Column(updatable = false, length = 1000)
    private String summary;

    @Column(name = "before_state", updatable = false, length = BaseEntity.LONG_TEXT)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = BaseEntity.LONG_TEXT)
    private String afterState;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String entityType, String entityId, String summary,
            String beforeState, String afterState) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 997) + "...";
        this.beforeState = beforeState;
        this.afterState = afterState;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getSummary() {
        return summary;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }
}
