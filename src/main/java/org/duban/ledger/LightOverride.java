package org.duban.ledger;

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

/** A supervisor's light for one report, with the required reason; active until cleared. */
@Entity
@Table(name = "ledger_override")
public class LightOverride extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Light light;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "set_by", nullable = false, length = 60)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "cleared_by", length = 60)
    private String clearedBy;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    protected LightOverride() {
    }

    LightOverride(ProgressReport report, Light light, String reason, String setBy, Instant setAt) {
        this.report = report;
        this.light = light;
        this.reason = reason;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    void clear(String by, Instant at) {
        this.clearedBy = by;
        this.clearedAt = at;
    }

    public ProgressReport getReport() {
        return report;
    }

    public Light getLight() {
        return light;
    }

    public String getReason() {
        return reason;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant getSetAt() {
        return setAt;
    }

    public String getClearedBy() {
        return clearedBy;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }
}
