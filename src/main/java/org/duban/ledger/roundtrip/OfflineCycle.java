package org.duban.ledger.roundtrip;

import java.time.LocalDate;

/** A cycle in which the clerk's unit has reports to fill in, with how many. */
public record OfflineCycle(Long id, String documentNumber, int year, String periodCode, LocalDate dueOn,
        int openReports) {
}
