package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The working-day arithmetic against the calendar Duban ships (the rows of {@code V4__calendar.sql}), without Spring
 * or a database. 2023's National Day week: 09-29 (Fri) and 10-02..10-06 are holidays, 10-07 (Sat) and 10-08 (Sun) are
 * make-up working days.
 */
class WorkingDayCalendarTest {

    private static final Pattern ROW = Pattern.compile("INSERT INTO calendar_day \\(id, cal_date, kind, name\\) "
            + "VALUES \\(-?\\d+, DATE '([0-9-]+)', '(HOLIDAY|WORKDAY)', '([^']+)'\\);");

    private static List<CalendarDay> shipped;
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(repositoryOf(shipped));

    @BeforeAll
    static void readShippedCalendar() throws IOException {
        try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream("/db/migration/V4__calendar.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<CalendarDay> rows = new ArrayList<>();
            Matcher row = ROW.matcher(sql);
            while (row.find()) {
                rows.add(new CalendarDay(LocalDate.parse(row.group(1)), CalendarDay.Kind.valueOf(row.group(2)),
                        row.group(3)));
            }
            shipped = rows;
        }
        assertThat(shipped).extracting(CalendarDay::getDay)
                .contains(LocalDate.of(2023, 9, 29), LocalDate.of(2023, 10, 7), LocalDate.of(2025, 10, 11));
    }

    @Test
    void nationalDayWeekIsOffAndItsMakeUpWeekendIsWorked() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 9, 28))).isTrue();   // Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 9, 29))).isFalse();  // Friday, 中秋节
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 9, 30))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();  // Monday, 国庆节
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 6))).isFalse();  // Friday, 国庆节
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 7))).isTrue();   // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 8))).isTrue();   // Sunday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 14))).isFalse(); // an ordinary Saturday
    }

    @Test
    void addingWorkingDaysFromTheThursdayBeforeNationalDayLandsAfterTheHolidays() {
        LocalDate thursday = LocalDate.of(2023, 9, 28);
        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2023, 10, 7));
        assertThat(calendar.addWorkingDays(thursday, 2)).isEqualTo(LocalDate.of(2023, 10, 8));
        assertThat(calendar.addWorkingDays(thursday, 3)).isEqualTo(LocalDate.of(2023, 10, 9));
        assertThat(calendar.addWorkingDays(thursday, 5)).isEqualTo(LocalDate.of(2023, 10, 11));
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 10, 9), -3)).isEqualTo(thursday);
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 10, 1), 0)).isEqualTo(LocalDate.of(2023, 10, 7));
        assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2023, 9, 29))).isEqualTo(LocalDate.of(2023, 10, 7));
    }

    @Test
    void workingDaysBetweenSkipsAnOrdinaryWeekend() {
        // Friday 15 September 2023 to Monday 18 September: only the Monday counts
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 15), LocalDate.of(2023, 9, 18))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 18), LocalDate.of(2023, 9, 15))).isEqualTo(-1);
        // Monday 11 to Monday 18 September: five weekdays and the following Monday
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 11), LocalDate.of(2023, 9, 18))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 16), LocalDate.of(2023, 9, 17))).isZero();
    }

    @Test
    void workingDaysBetweenCountsMakeUpWeekendDaysAndSkipsTheHolidays() {
        // 28 September to 9 October 2023: 10-07, 10-08 (调休) and 10-09
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 9))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 10, 9), LocalDate.of(2023, 9, 28))).isEqualTo(-3);
        // the whole holiday: 29 September to 6 October has no working day at all
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 6))).isZero();
    }

    @Test
    void reloadForgetsCachedYears() {
        List<CalendarDay> rows = new ArrayList<>();
        WorkingDayCalendar editable = new WorkingDayCalendar(repositoryOf(rows));
        LocalDate monday = LocalDate.of(2027, 2, 8);
        assertThat(editable.isWorkingDay(monday)).isTrue();
        rows.add(new CalendarDay(monday, CalendarDay.Kind.HOLIDAY, "春节"));
        assertThat(editable.isWorkingDay(monday)).as("still cached").isTrue();
        editable.reload();
        assertThat(editable.isWorkingDay(monday)).isFalse();
    }

    /** A repository answering the one query the calendar makes from the given rows. */
    private static CalendarDayRepository repositoryOf(List<CalendarDay> rows) {
        return (CalendarDayRepository) Proxy.newProxyInstance(CalendarDayRepository.class.getClassLoader(),
                new Class<?>[] {CalendarDayRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByDayBetweenOrderByDay")) {
                        LocalDate from = (LocalDate) args[0];
                        LocalDate to = (LocalDate) args[1];
                        return rows.stream().filter(d -> !d.getDay().isBefore(from) && !d.getDay().isAfter(to))
                                .sorted(java.util.Comparator.comparing(CalendarDay::getDay)).toList();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
