package org.duban.admin;

import java.time.LocalDate;
import org.duban.calendar.CalendarDay;

/** One exception to the weekday rule: a holiday on a weekday or a make-up working day (调休) on a weekend. */
public record CalendarEntry(LocalDate date, CalendarDay.Kind kind, String name) {
}
