package org.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days as a Chinese government office counts them: Monday to Friday, minus statutory holidays, plus make-up
 * working days on weekends (调休). "5 working days" from a Thursday before the National Day week lands well into
 * October. The exceptions are data ({@link CalendarDay}); they are cached per year and reloaded when edited.
 */
@Service
public class WorkingDayCalendar {

    private final CalendarDayRepository days;
    private final Map<Integer, Map<LocalDate, CalendarDay.Kind>> exceptionsByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(CalendarDayRepository days) {
        this.days = days;
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay.Kind exception = exceptionsOf(date.getYear()).get(date);
        if (exception != null) {
            return exception == CalendarDay.Kind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code n} working days after {@code date} (before it when negative). Zero gives {@code date} itself if it
     * is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n == 0) {
            return nextWorkingDayOnOrAfter(date);
        }
        int step = n > 0 ? 1 : -1;
        int remaining = Math.abs(n);
        LocalDate current = date;
        while (remaining > 0) {
            current = current.plusDays(step);
            if (isWorkingDay(current)) {
                remaining--;
            }
        }
        return current;
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate current = date;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    /**
     * Signed count of working days from {@code from} to {@code to}: positive when {@code to} is later, counting the
     * working days after {@code from} up to and including {@code to}; zero when both fall on the same working day or no
     * working day lies between them.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return 0;
        }
        boolean forward = to.isAfter(from);
        LocalDate start = forward ? from : to;
        LocalDate end = forward ? to : from;
        int count = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return forward ? count : -count;
    }

    /** Forget cached exceptions, after an admin edited the calendar. */
    public void reload() {
        exceptionsByYear.clear();
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> exceptionsIn(int year) {
        return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private Map<LocalDate, CalendarDay.Kind> exceptionsOf(int year) {
        return exceptionsByYear.computeIfAbsent(year, y -> exceptionsIn(y).stream()
                .collect(Collectors.toUnmodifiableMap(CalendarDay::getDay, CalendarDay::getKind)));
    }
}
