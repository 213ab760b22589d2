package org.duban.catalog;

import java.util.List;

/** What an import did: the plan it concerns, whether anything was created, the parser's warnings, the differences. */
public record ImportReport(Long planId, String documentNumber, int year, PlanImport.Outcome outcome,
        int sectionCount, int taskCount, List<String> warnings, List<String> differences) {
}
