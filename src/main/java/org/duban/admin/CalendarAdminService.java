package org.duban.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duban.audit.AuditService;
import org.duban.calendar.CalendarDay;
import org.duban.calendar.CalendarDayRepository;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar's exceptions as admins keep them, year by year, when the State Council publishes the next
 * year's schedule. Only exceptions that change something are accepted: a holiday on a weekday, a make-up working day
 * (调休) on a weekend. Every change reloads {@link WorkingDayCalendar}, so due dates use it at once.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class CalendarAdminService {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final int NAME_MAX = 40;

    private final CalendarDayRepository days;
    private final WorkingDayCalendar calendar;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public CalendarAdminService(CalendarDayRepository days, WorkingDayCalendar calendar, AuditService audit,
            CurrentUser currentUser) {
        this.days = days;
        this.calendar = calendar;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** The year's exceptions in date order. */
    @Transactional(readOnly = true)
    public List<CalendarEntry> exceptions(int year) {
        checkYear("year", year);
        return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarAdminService::entry).toList();
    }

    /** Makes {@code date} a holiday or a make-up working day with the given name, replacing what it was. */
    public CalendarEntry set(LocalDate date, CalendarDay.Kind kind, String name) {
        CalendarEntry wanted = checked("date", date, kind, name);
        Optional<CalendarDay> existing = days.findByDay(date);
        if (existing.isPresent() && entry(existing.get()).equals(wanted)) {
            return wanted;
        }
        existing.ifPresent(this::deleteNow);
        days.save(new CalendarDay(wanted.date(), wanted.kind(), wanted.name()));
        recordSet(wanted, existing.map(CalendarAdminService::entry).orElse(null), "");
        reloadCalendar();
        return wanted;
    }

    /** Makes {@code date} an ordinary day again: a working day from Monday to Friday, a day off at the weekend. */
    public void remove(LocalDate date) {
        if (date == null) {
            throw new AdminValidationException("date", "required", "is required");
        }
        CalendarDay day = days.findByDay(date).orElseThrow(() -> new AdminValidationException("date",
                "dayNotFound", date + " is not an exception in the calendar", date.toString()));
        days.delete(day);
        recordRemoved(entry(day), "");
        reloadCalendar();
    }

    /**
     * Replaces the year's exceptions with the given lines, each {@code DATE KIND NAME} as in
     * {@code 2027-01-01 HOLIDAY 元旦} (blank lines and lines starting with {@code #} are skipped). Days of the year not
     * listed stop being exceptions. If any line is bad, every bad line is reported by number and nothing is stored.
     */
    public CalendarImportResult importYear(int year, String text) {
        checkYear("year", year);
        List<CalendarEntry> wanted = parse(year, text == null ? "" : text);

        Map<LocalDate, CalendarDay> existing = new LinkedHashMap<>();
        days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .forEach(d -> existing.put(d.getDay(), d));
        Map<LocalDate, CalendarEntry> wantedByDate = new HashMap<>();
        wanted.forEach(e -> wantedByDate.put(e.date(), e));

        String how = " (import of " + year + ")";
        int removed = 0;
        int unchanged = 0;
        List<CalendarEntry> toSet = new ArrayList<>();
        Map<LocalDate, CalendarEntry> replaced = new HashMap<>();
        for (CalendarDay day : existing.values()) {
            CalendarEntry want = wantedByDate.get(day.getDay());
            if (want == null) {
                days.delete(day);
                recordRemoved(entry(day), how);
                removed++;
            } else if (want.equals(entry(day))) {
                unchanged++;
            } else {
                days.delete(day);
                replaced.put(day.getDay(), entry(day));
            }
        }
        for (CalendarEntry want : wanted) {
            CalendarDay day = existing.get(want.date());
            if (day == null || replaced.containsKey(want.date())) {
                toSet.add(want);
            }
        }
        // deletes first: the date column is unique, and Hibernate would otherwise insert before deleting
        days.flush();
        for (CalendarEntry want : toSet) {
            days.save(new CalendarDay(want.date(), want.kind(), want.name()));
            recordSet(want, replaced.get(want.date()), how);
        }
        reloadCalendar();
        return new CalendarImportResult(year, toSet.size(), removed, unchanged);
    }

    private List<CalendarEntry> parse(int year, String text) {
        List<CalendarEntry> entries = new ArrayList<>();
        List<CalendarImportException.LineError> errors = new ArrayList<>();
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        String[] lines = text.replace("\uFEFF", "").split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                CalendarEntry entry = parseLine(year, line);
                Integer earlier = lineOfDate.putIfAbsent(entry.date(), lineNo);
                if (earlier != null) {
                    throw new AdminValidationException("date", "duplicateDate",
                            entry.date() + " is already on line " + earlier, entry.date().toString(),
                            String.valueOf(earlier));
                }
                entries.add(entry);
            } catch (AdminValidationException e) {
                errors.add(new CalendarImportException.LineError(lineNo, e.getCode(), e.getMessage(), e.getArgs()));
            }
        }
        if (!errors.isEmpty()) {
            throw new CalendarImportException(errors);
        }
        if (entries.isEmpty()) {
            throw new AdminValidationException("text", "importEmpty",
                    "no lines to import; write one line per day, e.g. " + year + "-01-01 HOLIDAY 元旦",
                    String.valueOf(year));
        }
        return entries;
    }

    private CalendarEntry parseLine(int year, String line) {
        String[] parts = line.split("[\\s\\u3000]+", 3);
        if (parts.length < 3) {
            throw new AdminValidationException("text", "lineFormat",
                    "“" + line + "” is not DATE KIND NAME, e.g. " + year + "-01-01 HOLIDAY 元旦", line,
                    String.valueOf(year));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[0]);
        } catch (DateTimeParseException e) {
            throw new AdminValidationException("date", "dateFormat",
                    "“" + parts[0] + "” is not a date written as YYYY-MM-DD", parts[0]);
        }
        if (date.getYear() != year) {
            throw new AdminValidationException("date", "dateOutsideYear", date + " is not in " + year,
                    date.toString(), String.valueOf(year));
        }
        CalendarDay.Kind kind;
        try {
            kind = CalendarDay.Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminValidationException("kind", "kindUnknown",
                    "“" + parts[1] + "” is neither HOLIDAY nor WORKDAY", parts[1]);
        }
        return checked("date", date, kind, parts[2]);
    }

    private static CalendarEntry checked(String dateField, LocalDate date, CalendarDay.Kind kind, String name) {
        if (date == null) {
            throw new AdminValidationException(dateField, "required", "is required");
        }
        checkYear(dateField, date.getYear());
        if (kind == null) {
            throw new AdminValidationException("kind", "required", "is required");
        }
        String value = Inputs.required("name", name, NAME_MAX);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (kind == CalendarDay.Kind.HOLIDAY && weekend) {
            throw new AdminValidationException(dateField, "holidayOnWeekend", date + " is a " + weekday
                    + ", a day off anyway: a HOLIDAY is only needed on a weekday (Monday to Friday)", date.toString());
        }
        if (kind == CalendarDay.Kind.WORKDAY && !weekend) {
            throw new AdminValidationException(dateField, "workdayOnWeekday", date + " is a " + weekday
                    + ", a working day anyway: a WORKDAY (make-up working day) is only needed on a Saturday or Sunday",
                    date.toString());
        }
        return new CalendarEntry(date, kind, value);
    }

    private static void checkYear(String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new AdminValidationException(field, "yearRange",
                    year + " is outside " + MIN_YEAR + "–" + MAX_YEAR, String.valueOf(year),
                    String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
    }

    private void deleteNow(CalendarDay day) {
        days.delete(day);
        // the date column is unique, and Hibernate would otherwise insert the replacement before deleting
        days.flush();
    }

    /**
     * Forgets cached exceptions now, so this transaction sees its change, and again when it ends, so no other thread
     * keeps a year it read before the commit (or the state of a rolled-back change).
     */
    private void reloadCalendar() {
        calendar.reload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendar.reload();
                }
            });
        }
    }

    private void recordSet(CalendarEntry after, CalendarEntry before, String how) {
        audit.record(currentUser.nameOrSystem(), AdminActions.CALENDAR_DAY_SET, AdminActions.CALENDAR_DAY,
                after.date().toString(), after.date() + " is now " + after.kind() + " " + after.name() + how,
                state(before), state(after));
    }

    private void recordRemoved(CalendarEntry before, String how) {
        audit.record(currentUser.nameOrSystem(), AdminActions.CALENDAR_DAY_REMOVED, AdminActions.CALENDAR_DAY,
                before.date().toString(), before.date() + " is an ordinary day again" + how, state(before), null);
    }

    private static String state(CalendarEntry entry) {
        if (entry == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("date", entry.date().toString());
        state.put("kind", entry.kind().name());
        state.put("name", entry.name());
        return AuditStates.json(state);
    }

    private static CalendarEntry entry(CalendarDay day) {
        return new CalendarEntry(day.getDay(), day.getKind(), day.getName());
    }
}
