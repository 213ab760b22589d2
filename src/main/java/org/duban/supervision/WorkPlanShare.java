package org.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.duban.catalog.Indicator;
import org.duban.org.Unit;
import org.duban.shared.BaseEntity;

/** A participating unit's share of one indicator's target. */
@Entity
@Table(name = "work_plan_share")
public class WorkPlanShare extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_plan_id")
    private WorkPlan workPlan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "share_value", nullable = false, precision = 19, scale = 4)
    private BigDecimal value;

    protected WorkPlanShare() {
    }

    WorkPlanShare(WorkPlan workPlan, Indicator indicator, Unit unit, BigDecimal value) {
        this.workPlan = workPlan;
        this.indicator = indicator;
        this.unit = unit;
        this.value = value;
    }

    void revalue(BigDecimal newValue) {
        this.value = newValue;
    }

    boolean isFor(Indicator someIndicator, Unit someUnit) {
        return indicator.getId().equals(someIndicator.getId()) && unit.getId().equals(someUnit.getId());
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public Unit getUnit() {
        return unit;
    }

    public BigDecimal getValue() {
        return value;
    }
}
