package org.duban.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.duban.catalog.Indicator;
import org.duban.shared.BaseEntity;

/** What a unit reports as achieved so far for one indicator of its task. */
@Entity
@Table(name = "report_indicator_actual")
public class IndicatorActual extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;

    @Column(name = "actual_value", precision = 19, scale = 4)
    private BigDecimal actualValue;

    @Column(length = 500)
    private String note;

    protected IndicatorActual() {
    }

    IndicatorActual(ProgressReport report, Indicator indicator) {
        this.report = report;
        this.indicator = indicator;
    }

    public ProgressReport getReport() {
        return report;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public BigDecimal getActualValue() {
        return actualValue;
    }

    void setActualValue(BigDecimal actualValue) {
        this.actualValue = actualValue;
    }

    public String getNote() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }
}
