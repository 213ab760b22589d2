package org.duban.ledger;

/**
 * What the ledger shows; every part is optional (null or false: no restriction).
 *
 * @param leadUnitCode tasks this unit leads (primary or co-lead)
 * @param unitCode the reporting unit
 * @param countyLevelOnly only county-level reporting units (县区 and 管委会)
 * @param light computed (or overridden) light
 */
public record LedgerFilter(Long cycleId, Long sectionId, String leadUnitCode, String unitCode,
        boolean countyLevelOnly, Light light, LedgerGrouping grouping) {

    public LedgerFilter {
        if (grouping == null) {
            grouping = LedgerGrouping.SECTION;
        }
        leadUnitCode = blankToNull(leadUnitCode);
        unitCode = blankToNull(unitCode);
    }

    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null, false, null, LedgerGrouping.SECTION);
    }

    public static LedgerFilter ofCycle(Long cycleId) {
        return all().withCycle(cycleId);
    }

    public LedgerFilter withCycle(Long id) {
        return new LedgerFilter(id, sectionId, leadUnitCode, unitCode, countyLevelOnly, light, grouping);
    }

    public LedgerFilter withSection(Long id) {
        return new LedgerFilter(cycleId, id, leadUnitCode, unitCode, countyLevelOnly, light, grouping);
    }

    public LedgerFilter withLeadUnit(String code) {
        return new LedgerFilter(cycleId, sectionId, code, unitCode, countyLevelOnly, light, grouping);
    }

    public LedgerFilter withUnit(String code) {
        return new LedgerFilter(cycleId, sectionId, leadUnitCode, code, countyLevelOnly, light, grouping);
    }

    public LedgerFilter withCountyLevelOnly(boolean only) {
        return new LedgerFilter(cycleId, sectionId, leadUnitCode, unitCode, only, light, grouping);
    }

    public LedgerFilter withLight(Light value) {
        return new LedgerFilter(cycleId, sectionId, leadUnitCode, unitCode, countyLevelOnly, value, grouping);
    }

    public LedgerFilter withGrouping(LedgerGrouping value) {
        return new LedgerFilter(cycleId, sectionId, leadUnitCode, unitCode, countyLevelOnly, light, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
