package org.duban.reporting;

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
import java.time.LocalDate;
import org.duban.catalog.Plan;
import org.duban.shared.BaseEntity;

/** One reporting period of a plan (2023Q2, 2023-05): when it opens, when reports are due. */
@Entity
@Table(name = "reporting_cycle")
public class ReportingCycle extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    /** 2023Q2 for a quarter, 2023M05 for a month: readable and part of report business keys. */
    @Column(name = "period_code", nullable = false, length = 20)
    private String periodCode;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    /** The plan year's last cycle: accepting its task reports invites the lead to apply for closure. */
    @Column(name = "final_cycle", nullable = false)
    private boolean finalCycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CycleStatus status = CycleStatus.SCHEDULED;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "opened_by", length = 60)
    private String openedBy;

    @Version
    private long version;

    protected ReportingCycle() {
    }

    public ReportingCycle(Plan plan, String periodCode, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn,
            LocalDate dueOn, boolean finalCycle) {
        this.plan = plan;
        this.periodCode = periodCode;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.opensOn = opensOn;
        this.dueOn = dueOn;
        this.finalCycle = finalCycle;
    }

    void open(Instant at, String by, LocalDate dueOverride) {
        if (status != CycleStatus.SCHEDULED) {
            throw new IllegalStateException("Cycle " + periodCode + " is already " + status);
        }
        this.status = CycleStatus.OPEN;
        this.openedAt = at;
        this.openedBy = by;
        if (dueOverride != null) {
            this.dueOn = dueOverride;
        }
    }

    void close() {
        this.status = CycleStatus.CLOSED;
    }

    public Plan getPlan() {
        return plan;
    }

    public String getPeriodCode() {
        return periodCode;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public boolean isFinalCycle() {
        return finalCycle;
    }

    public CycleStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }
}
