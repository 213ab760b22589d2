package org.duban.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.catalog.PlanRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the embedded demo, opens the seed plan's first reporting cycle after the first start, due a few working days
 * from today, so clerks find reports in their inbox (the seed's own 2023 dates are long past). It runs in the
 * background once the application is ready, so the login page does not wait for a thousand process instances.
 */
@Component
@ConditionalOnProperty(name = "duban.seed.enabled", havingValue = "true")
class SeedCycleOpener {

    private static final Logger log = LoggerFactory.getLogger(SeedCycleOpener.class);

    private final PlanRepository plans;
    private final CycleService cycles;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int dueInWorkingDays;

    SeedCycleOpener(PlanRepository plans, CycleService cycles, WorkingDayCalendar calendar, Clock clock,
            @Value("${duban.seed.open-first-cycle-due-in-working-days:0}") int dueInWorkingDays) {
        this.plans = plans;
        this.cycles = cycles;
        this.calendar = calendar;
        this.clock = clock;
        this.dueInWorkingDays = dueInWorkingDays;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void openInBackground() {
        if (dueInWorkingDays > 0) {
            Thread thread = new Thread(this::openFirstCycle, "seed-cycle");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void openFirstCycle() {
        if (plans.count() != 1) {
            return;
        }
        Long planId = plans.findAll().get(0).getId();
        List<ReportingCycle> all = cycles.cyclesOf(planId);
        if (all.isEmpty() || all.stream().anyMatch(c -> c.getStatus() != CycleStatus.SCHEDULED)) {
            return;
        }
        // the plan was published at the end of March 2023: its first real cycle is the second quarter
        ReportingCycle first = all.size() > 1 ? all.get(1) : all.get(0);
        LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), dueInWorkingDays);
        long started = System.nanoTime();
        int reports = cycles.open(first.getId(), due, "system");
        log.info("Demo: opened cycle {} with {} reports, due {} ({} ms)", first.getPeriodCode(), reports, due,
                (System.nanoTime() - started) / 1_000_000);
    }
}
