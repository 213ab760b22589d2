package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.calendar.CalendarDay.Kind;
import org.duban.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the working-day calendar and what {@link WorkingDayCalendar} makes of it at once. 2027 has no shipped
 * exceptions; every test is rolled back and the calendar's cache reloaded, so other tests see the shipped calendar.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@WithUserDetails("admin")
class CalendarAdminServiceTest {

    private static final LocalDate FRIDAY = LocalDate.of(2027, 2, 5);
    private static final LocalDate SATURDAY = LocalDate.of(2027, 2, 6);
    private static final LocalDate MONDAY = LocalDate.of(2027, 2, 8);
    private static final LocalDate TUESDAY = LocalDate.of(2027, 2, 9);

    @Autowired
    CalendarAdminService admin;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    AuditService audit;

    @AfterEach
    void forgetRolledBackDays() {
        calendar.reload();
    }

    @Test
    void holidayOnAMondayIsNoLongerAWorkingDayAndIsSkipped() {
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.addWorkingDays(FRIDAY, 1)).isEqualTo(MONDAY);

        CalendarEntry set = admin.set(MONDAY, Kind.HOLIDAY, "春节");

        assertThat(set).isEqualTo(new CalendarEntry(MONDAY, Kind.HOLIDAY, "春节"));
        assertThat(admin.exceptions(2027)).containsExactly(set);
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.addWorkingDays(FRIDAY, 1)).isEqualTo(TUESDAY);
        assertThat(calendar.workingDaysBetween(FRIDAY, TUESDAY)).isEqualTo(1);
        AuditEvent event = audit.trailOf("CalendarDay", "2027-02-08").get(0);
        assertThat(event.getAction()).isEqualTo("CALENDAR_DAY_SET");
        assertThat(event.getActor()).isEqualTo("admin");
        assertThat(event.getBeforeState()).isNull();
        assertThat(event.getAfterState()).isEqualTo("{\"date\":\"2027-02-08\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"}");
    }

    @Test
    void makeUpWorkdayOnASaturdayIsAWorkingDay() {
        LocalDate saturday = LocalDate.of(2027, 2, 20);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();

        admin.set(saturday, Kind.WORKDAY, "春节调休");

        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2027, 2, 19), LocalDate.of(2027, 2, 22))).isEqualTo(2);
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 2, 19), 1)).isEqualTo(saturday);
    }

    @Test
    void pointlessExceptionsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> admin.set(SATURDAY, Kind.HOLIDAY, "春节"))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("date");
                    assertThat(e.getCode()).isEqualTo("holidayOnWeekend");
                    assertThat(e.getMessage()).contains("2027-02-06 is a Saturday");
                });
        assertThatThrownBy(() -> admin.set(MONDAY, Kind.WORKDAY, "调休"))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("workdayOnWeekday");
                    assertThat(e.getMessage()).contains("2027-02-08 is a Monday");
                });
        assertThatThrownBy(() -> admin.set(MONDAY, Kind.HOLIDAY, " "))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField() + "/" + e.getCode()).isEqualTo("name/required"));
        assertThatThrownBy(() -> admin.set(MONDAY, null, "春节"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField()).isEqualTo("kind"));
        assertThat(admin.exceptions(2027)).isEmpty();
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(audit.trailOf("CalendarDay", "2027-02-08")).isEmpty();
    }

    @Test
    void renamingADayIsAuditedWithBeforeAndAfterAndRemovingItRestoresTheWeekdayRule() {
        admin.set(MONDAY, Kind.HOLIDAY, "春节");
        admin.set(MONDAY, Kind.HOLIDAY, "春节假期");

        assertThat(admin.exceptions(2027)).containsExactly(new CalendarEntry(MONDAY, Kind.HOLIDAY, "春节假期"));
        AuditEvent rename = audit.trailOf("CalendarDay", "2027-02-08").get(1);
        assertThat(rename.getBeforeState()).contains("\"name\":\"春节\"");
        assertThat(rename.getAfterState()).contains("\"name\":\"春节假期\"");

        admin.remove(MONDAY);

        assertThat(admin.exceptions(2027)).isEmpty();
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        AuditEvent removal = audit.trailOf("CalendarDay", "2027-02-08").get(2);
        assertThat(removal.getAction()).isEqualTo("CALENDAR_DAY_REMOVED");
        assertThat(removal.getBeforeState()).contains("\"name\":\"春节假期\"");
        assertThat(removal.getAfterState()).isNull();
        assertThatThrownBy(() -> admin.remove(MONDAY))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField() + "/" + e.getCode()).isEqualTo("date/dayNotFound"));
    }

    @Test
    void importingAYearStoresItsDaysAndReplacesThoseNotListed() {
        admin.set(LocalDate.of(2027, 3, 1), Kind.HOLIDAY, "测试假日");

        CalendarImportResult result = admin.importYear(2027, """
                # 2027 春节
                2027-02-06 WORKDAY 春节调休

                2027-02-08 HOLIDAY 春节
                2027-02-09\tholiday\t春节
                """);

        assertThat(result).isEqualTo(new CalendarImportResult(2027, 3, 1, 0));
        assertThat(admin.exceptions(2027)).containsExactly(
                new CalendarEntry(SATURDAY, Kind.WORKDAY, "春节调休"),
                new CalendarEntry(MONDAY, Kind.HOLIDAY, "春节"),
                new CalendarEntry(TUESDAY, Kind.HOLIDAY, "春节"));
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        // Friday +1 is the make-up Saturday, +2 skips Sunday and the two holidays to Wednesday
        assertThat(calendar.addWorkingDays(FRIDAY, 1)).isEqualTo(SATURDAY);
        assertThat(calendar.addWorkingDays(FRIDAY, 2)).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(audit.trailOf("CalendarDay", "2027-03-01")).extracting(AuditEvent::getAction)
                .containsExactly("CALENDAR_DAY_SET", "CALENDAR_DAY_REMOVED");

        CalendarImportResult again = admin.importYear(2027, """
                2027-02-06 WORKDAY 春节调休
                2027-02-08 HOLIDAY 春节
                2027-02-09 HOLIDAY 春节假期
                """);

        assertThat(again).isEqualTo(new CalendarImportResult(2027, 1, 0, 2));
        assertThat(admin.exceptions(2027)).extracting(CalendarEntry::name)
                .containsExactly("春节调休", "春节", "春节假期");
        assertThat(audit.trailOf("CalendarDay", "2027-02-09")).last()
                .satisfies(e -> assertThat(e.getBeforeState()).contains("\"name\":\"春节\""));
    }

    @Test
    void importWithBadLinesListsEveryOneByNumberAndStoresNothing() {
        admin.set(LocalDate.of(2027, 3, 1), Kind.HOLIDAY, "测试假日");

        assertThatThrownBy(() -> admin.importYear(2027, """
                2027-01-01 HOLIDAY 元旦
                2027-02-08 HOLIDAY 春节
                2027-02-30 HOLIDAY 春节
                2027-02-06 HOLIDAY 春节
                2028-01-03 HOLIDAY 元旦
                2027-02-09 FEIERTAG 春节
                2027-02-08 HOLIDAY 春节
                2027-02-10
                """)).isInstanceOfSatisfying(CalendarImportException.class, e -> {
                    assertThat(e.getField()).isEqualTo("text");
                    assertThat(e.getErrors()).extracting(CalendarImportException.LineError::line)
                            .containsExactly(3, 4, 5, 6, 7, 8);
                    assertThat(e.getErrors()).extracting(CalendarImportException.LineError::code)
                            .containsExactly("dateFormat", "holidayOnWeekend", "dateOutsideYear", "kindUnknown",
                                    "duplicateDate", "lineFormat");
                    assertThat(e.getErrors().get(4).message()).contains("already on line 2");
                    assertThat(e.getMessage()).contains("line 3:", "line 8:");
                });

        assertThat(admin.exceptions(2027)).containsExactly(
                new CalendarEntry(LocalDate.of(2027, 3, 1), Kind.HOLIDAY, "测试假日"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(audit.trailOf("CalendarDay", "2027-01-01")).isEmpty();
        assertThatThrownBy(() -> admin.importYear(2027, "# nothing\n\n"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getCode()).isEqualTo("importEmpty"));
        assertThat(admin.exceptions(2027)).hasSize(1);
    }

    @Test
    @WithUserDetails("caoxian.clerk")
    void nonAdminsAreRefused() {
        assertThatThrownBy(() -> admin.set(MONDAY, Kind.HOLIDAY, "春节")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.importYear(2027, "2027-02-08 HOLIDAY 春节"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
    }
}
