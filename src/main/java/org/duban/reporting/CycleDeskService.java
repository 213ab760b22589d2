package org.duban.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.security.CurrentUser;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting cycles of a plan as the supervision office and admins manage them: which are scheduled, open or
 * closed, how many reports each holds, and opening one by hand. The calendar's timer opens a cycle on its opening day
 * only while its due date is ahead; a cycle whose period has passed (a plan imported late in the year, a demo
 * database) waits here for someone to open it with a new due date.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
public class CycleDeskService {

    /** Working days a clerk gets when a cycle is opened by hand without a date chosen. */
    static final int DEFAULT_WORKING_DAYS = 10;

    private final ReportingCycleRepository cycles;
    private final ProgressReportRepository reports;
    private final CycleService cycleService;
    private final WorkingDayCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;

    CycleDeskService(ReportingCycleRepository cycles, ProgressReportRepository reports, CycleService cycleService,
            WorkingDayCalendar calendar, CurrentUser currentUser, Clock clock) {
        this.cycles = cycles;
        this.reports = reports;
        this.cycleService = cycleService;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * One cycle on the desk.
     *
     * @param duePassed  the cycle is still scheduled but its own due date is before today: opening it needs a new date
     * @param reports    progress reports opened for it (0 while scheduled)
     * @param approved   of those, approved by the lead unit
     */
    public record CycleLine(Long id, String periodCode, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn,
            LocalDate dueOn, boolean finalCycle, CycleStatus status, Instant openedAt, String openedBy,
            boolean duePassed, long reports, long approved) {

        public boolean openable() {
            return status == CycleStatus.SCHEDULED;
        }
    }

    @Transactional(readOnly = true)
    public List<CycleLine> cyclesOf(Long planId) {
        LocalDate today = LocalDate.now(clock);
        return cycles.findByPlanIdOrderByPeriodStart(planId).stream().map(c -> new CycleLine(c.getId(),
                c.getPeriodCode(), c.getPeriodStart(), c.getPeriodEnd(), c.getOpensOn(), c.getDueOn(),
                c.isFinalCycle(), c.getStatus(), c.getOpenedAt(), c.getOpenedBy(),
                c.getStatus() == CycleStatus.SCHEDULED && c.getDueOn().isBefore(today),
                c.getStatus() == CycleStatus.SCHEDULED ? 0 : reports.countByCycleId(c.getId()),
                c.getStatus() == CycleStatus.SCHEDULED ? 0
                        : reports.countByCycleIdAndStatus(c.getId(), ReportStatus.APPROVED)))
                .toList();
    }

    /** The due date offered when opening a cycle by hand: its own if still ahead, else ten working days from today. */
    @Transactional(readOnly = true)
    public LocalDate suggestedDueDate(Long cycleId) {
        ReportingCycle cycle = find(cycleId);
        LocalDate today = LocalDate.now(clock);
        return cycle.getDueOn().isBefore(today) ? calendar.addWorkingDays(today, DEFAULT_WORKING_DAYS)
                : cycle.getDueOn();
    }

    /**
     * Opens a scheduled cycle now: one progress report per participating unit of every active task, each task's
     * process told. {@code dueOn} null keeps the cycle's own due date, which must then still be ahead.
     *
     * @return the number of reports opened
     */
    @Transactional
    public int open(Long cycleId, LocalDate dueOn) {
        String actor = currentUser.require().getUsername();
        ReportingCycle cycle = find(cycleId);
        LocalDate today = LocalDate.now(clock);
        if (cycle.getStatus() != CycleStatus.SCHEDULED) {
            throw new IllegalStateException("周期 " + cycle.getPeriodCode() + " 已经" + (cycle.getStatus()
                    == CycleStatus.OPEN ? "开启" : "结束") + "，不能再次开启 / cycle " + cycle.getPeriodCode()
                    + " is already " + cycle.getStatus().name().toLowerCase() + " and cannot be opened again");
        }
        LocalDate due = dueOn != null ? dueOn : cycle.getDueOn();
        if (due.isBefore(today)) {
            throw new IllegalArgumentException("截止日期 " + due + " 早于今天，请选择今天或以后的日期 / the due date " + due
                    + " is before today; choose today or a later date");
        }
        if (!calendar.isWorkingDay(due)) {
            throw new IllegalArgumentException("截止日期 " + due + " 不是工作日 / the due date " + due
                    + " is not a working day");
        }
        return cycleService.open(cycleId, due.equals(cycle.getDueOn()) ? null : due, actor);
    }

    private ReportingCycle find(Long cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> new NotFoundException("没有该填报周期 / no reporting cycle "
                + cycleId));
    }
}
