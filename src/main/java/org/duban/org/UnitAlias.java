package org.duban.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.duban.shared.BaseEntity;

/** Another name under which documents refer to a unit: a short form, an old name or an OCR misreading. */
@Entity
@Table(name = "org_unit_alias")
public class UnitAlias extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(nullable = false, unique = true, length = 100)
    private String alias;

    protected UnitAlias() {
    }

    UnitAlias(Unit unit, String alias) {
        this.unit = unit;
        this.alias = alias;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getAlias() {
        return alias;
    }
}
