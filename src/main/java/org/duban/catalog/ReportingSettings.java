package org.duban.catalog;

import java.util.Objects;

/**
 * A plan's reporting calendar as set at import: how often units report, the day of the cycle's last month reports are
 * due (moved to the next working day when it is not one), and the first period that gets a cycle.
 */
public record ReportingSettings(ReportFrequency frequency, int dueDay, int firstPeriod) {

    public static final ReportingSettings DEFAULT = new ReportingSettings(ReportFrequency.QUARTERLY, 25, 1);

    public ReportingSettings {
        Objects.requireNonNull(frequency, "frequency");
    }

    /** 4 quarters or 12 months. */
    public int periods() {
        return periodsOf(frequency);
    }

    static int periodsOf(ReportFrequency frequency) {
        return frequency == ReportFrequency.QUARTERLY ? 4 : 12;
    }

    void applyTo(Plan plan) {
        plan.setReportFrequency(frequency);
        plan.setReportDueDay(dueDay);
        plan.setFirstPeriod(firstPeriod);
    }
}
