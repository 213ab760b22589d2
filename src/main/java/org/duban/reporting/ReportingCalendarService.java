package org.duban.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.catalog.Plan;
import org.duban.catalog.ReportFrequency;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's reporting calendar: the cycles of its year (quarters or months), each opening on the first day of its
 * last month and due on the plan's due day of that month, moved to the next working day. The
 * {@code reportingCalendar} process asks it when to open the next cycle ({@code ${reportingCalendar.…}}).
 */
@Service("reportingCalendar")
public class ReportingCalendarService {

    /** Timers fire at the start of the office day. */
    static final LocalTime OPENING_TIME = LocalTime.of(8, 0);

    private final ReportingCycleRepository cycles;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public ReportingCalendarService(ReportingCycleRepository cycles, WorkingDayCalendar calendar, Clock clock) {
        this.cycles = cycles;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Creates the plan year's cycles (idempotent: existing periods are kept). */
    @Transactional
    public List<ReportingCycle> schedule(Plan plan) {
        List<ReportingCycle> created = new ArrayList<>();
        int year = plan.getYear();
        boolean quarterly = plan.getReportFrequency() == ReportFrequency.QUARTERLY;
        int periods = quarterly ? 4 : 12;
        // periods before the plan's first one get no cycle (set at import: a plan published in spring skips Q1)
        for (int i = Math.max(1, Math.min(plan.getFirstPeriod(), periods)); i <= periods; i++) {
            String code = quarterly ? year + "Q" + i : year + "M" + String.format("%02d", i);
            if (cycles.findByPlanIdAndPeriodCode(plan.getId(), code).isPresent()) {
                continue;
            }
            YearMonth first = quarterly ? YearMonth.of(year, (i - 1) * 3 + 1) : YearMonth.of(year, i);
            YearMonth last = quarterly ? first.plusMonths(2) : first;
            LocalDate due = calendar.nextWorkingDayOnOrAfter(
                    last.atDay(Math.min(plan.getReportDueDay(), last.lengthOfMonth())));
            created.add(cycles.save(new ReportingCycle(plan, code, first.atDay(1), last.atEndOfMonth(),
                    last.atDay(1), due, i == periods)));
        }
        return created;
    }

    /**
     * When the next cycle opens: the earliest scheduled cycle still ahead of its due date. Cycles whose due date has
     * passed are never opened by the timer (an admin opens them by hand with a new due date).
     */
    @Transactional(readOnly = true)
    public Date nextOpening(Long planId) {
        LocalDate today = LocalDate.now(clock);
        return cycles.findFirstByPlanIdAndStatusAndDueOnGreaterThanEqualOrderByOpensOn(planId, CycleStatus.SCHEDULED,
                        today)
                .map(c -> Date.from(c.getOpensOn().atTime(OPENING_TIME).atZone(zone()).toInstant()))
                .orElseThrow(() -> new IllegalStateException("Plan " + planId + " has no cycle left to open"));
    }

    @Transactional(readOnly = true)
    public boolean hasScheduled(Long planId) {
        return cycles.findFirstByPlanIdAndStatusAndDueOnGreaterThanEqualOrderByOpensOn(planId, CycleStatus.SCHEDULED,
                LocalDate.now(clock)).isPresent();
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
