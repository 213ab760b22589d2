package org.duban.ledger;

/**
 * What the current user may do with the ledger.
 *
 * @param leadUnitCode null: every row; else only rows of tasks this unit leads
 * @param mayOverride supervisors may override lights
 */
public record LedgerAccess(String leadUnitCode, boolean mayOverride) {

    public boolean seesAll() {
        return leadUnitCode == null;
    }
}
