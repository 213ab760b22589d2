package org.duban.catalog;

import java.util.List;

/** What applying a re-import did: the changes applied and those left as they were. */
public record PlanUpdateReport(Long planId, String documentNumber, int year, List<PlanChange> applied,
        List<PlanChange> notApplied) {
}
