package org.duban.ledger;

import java.time.LocalDate;

/** Choices for the ledger's filters. */
public final class LedgerOptions {

    private LedgerOptions() {
    }

    public record CycleOption(Long id, String planDocument, String periodCode, LocalDate dueOn) {
    }

    public record SectionOption(Long id, int number, String label, String title) {
    }

    public record UnitOption(String code, String name) {
    }
}
