package org.duban.ledger;

/** How the ledger is grouped: the rows are sorted by the group first, and the export writes a heading per group. */
public enum LedgerGrouping {
    SECTION, LEAD_UNIT, UNIT, CYCLE
}
