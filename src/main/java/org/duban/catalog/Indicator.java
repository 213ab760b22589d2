package org.duban.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.duban.shared.BaseEntity;

/** A quantitative target of a task, e.g. 新增护理型养老床位1500张 → 1500 张 EXACT. */
@Entity
@Table(name = "indicator")
public class Indicator extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @Column(name = "seq_no", nullable = false)
    private int seq;

    @Column(nullable = false, length = 500)
    private String phrase;

    @Column(name = "target_value", nullable = false, precision = 19, scale = 4)
    private BigDecimal targetValue;

    @Column(name = "measure_unit", length = 20)
    private String measureUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Comparator comparator;

    protected Indicator() {
    }

    Indicator(KeyTask task, int seq, String phrase, BigDecimal targetValue, String measureUnit,
            Comparator comparator) {
        this.task = task;
        this.seq = seq;
        this.phrase = phrase;
        this.targetValue = targetValue;
        this.measureUnit = measureUnit;
        this.comparator = comparator;
    }

    /** Corrected in place, so reported actuals and planned shares stay attached to it. */
    void revise(String newPhrase, BigDecimal newValue, String newMeasureUnit, Comparator newComparator) {
        this.phrase = newPhrase;
        this.targetValue = newValue;
        this.measureUnit = newMeasureUnit;
        this.comparator = newComparator;
    }

    public KeyTask getTask() {
        return task;
    }

    public int getSeq() {
        return seq;
    }

    public String getPhrase() {
        return phrase;
    }

    public BigDecimal getTargetValue() {
        return targetValue;
    }

    public String getMeasureUnit() {
        return measureUnit;
    }

    public Comparator getComparator() {
        return comparator;
    }
}
