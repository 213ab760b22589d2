package org.duban.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's assessment score (0–100, two decimals; null when no component has data) with its components and its rank
 * (1 for the best; units equal in score and every component share a rank).
 */
public record UnitScore(int rank, UnitBasis basis, BigDecimal score, List<ComponentScore> components) {

    public String unitCode() {
        return basis.unitCode();
    }

    public String unitName() {
        return basis.unitName();
    }

    public ComponentScore component(Weights.Component component) {
        return components.get(component.ordinal());
    }

    UnitScore ranked(int value) {
        return new UnitScore(value, basis, score, components);
    }
}
