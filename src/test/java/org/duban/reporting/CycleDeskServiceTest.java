package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.catalog.CatalogImportService;
import org.duban.reporting.CycleDeskService.CycleLine;
import org.duban.support.SmallPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervision office opens cycles by hand: one whose period is over only with a new due date (a working day, not
 * in the past), one still ahead with its own date; each cycle once. Each test imports its own small plan (2025 is
 * over, 2027 ahead; no other test uses these document numbers).
 */
@SpringBootTest
@ActiveProfiles("test")
@WithUserDetails("supervisor")
class CycleDeskServiceTest {

    @Autowired
    CycleDeskService desk;
    @Autowired
    CatalogImportService imports;
    @Autowired
    ProgressReportRepository reports;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    AuditService audit;
    @Autowired
    TaskService taskService;
    @Autowired
    Clock clock;

    @Test
    void aCycleWhosePeriodIsOverOpensWithANewWorkingDayDueDate() throws Exception {
        Long planId = SmallPlans.importPlan(imports, 2025, 31, true);
        List<CycleLine> lines = desk.cyclesOf(planId);
        assertThat(lines).extracting(CycleLine::periodCode, CycleLine::status, CycleLine::duePassed,
                CycleLine::finalCycle).containsExactly(
                tuple("2025Q1", CycleStatus.SCHEDULED, true, false), tuple("2025Q2", CycleStatus.SCHEDULED, true, false),
                tuple("2025Q3", CycleStatus.SCHEDULED, true, false), tuple("2025Q4", CycleStatus.SCHEDULED, true, true));
        CycleLine q4 = lines.get(3);
        LocalDate today = LocalDate.now(clock);
        LocalDate suggested = desk.suggestedDueDate(q4.id());
        assertThat(suggested).isEqualTo(calendar.addWorkingDays(today, CycleDeskService.DEFAULT_WORKING_DAYS));

        assertThatThrownBy(() -> desk.open(q4.id(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("早于今天").hasMessageContaining(q4.dueOn().toString());
        assertThatThrownBy(() -> desk.open(q4.id(), today.minusDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is before today");
        LocalDate saturday = today.plusWeeks(2).with(DayOfWeek.SATURDAY);
        if (!calendar.isWorkingDay(saturday)) { // unless a 调休 Saturday, which the calendar may hold
            assertThatThrownBy(() -> desk.open(q4.id(), saturday)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("不是工作日");
        }
        assertThat(reports.countByCycleId(q4.id())).isZero();

        assertThat(desk.open(q4.id(), suggested)).isEqualTo(4);

        CycleLine opened = desk.cyclesOf(planId).get(3);
        assertThat(opened.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(opened.dueOn()).isEqualTo(suggested);
        assertThat(opened.openedBy()).isEqualTo("supervisor");
        assertThat(opened.reports()).isEqualTo(4);
        assertThat(opened.approved()).isZero();
        assertThat(opened.duePassed()).isFalse();
        assertThat(reports.findByCycleId(q4.id())).extracting(r -> r.getUnit().getName(), ProgressReport::getDueOn)
                .containsExactlyInAnyOrder(tuple("市财政局", suggested), tuple("曹县", suggested),
                        tuple("市水务局", suggested), tuple("市生态环境局", suggested));
        // the clerks' tasks are there, with the new date
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("2025-T%-2025Q4-%")
                .taskDefinitionKey("fillReport").list()).hasSize(4);
        assertThat(audit.trailOf("ReportingCycle", String.valueOf(q4.id()))).extracting(AuditEvent::getAction,
                AuditEvent::getActor).containsExactly(tuple("CYCLE_OPENED", "supervisor"));

        // once only
        assertThatThrownBy(() -> desk.open(q4.id(), suggested)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("已经开启");
        assertThat(reports.countByCycleId(q4.id())).isEqualTo(4);
    }

    @Test
    void aCycleStillAheadKeepsItsOwnDueDate() throws Exception {
        Long planId = SmallPlans.importPlan(imports, 2027, 32, true);
        CycleLine q1 = desk.cyclesOf(planId).get(0);
        assertThat(q1.periodCode()).isEqualTo("2027Q1");
        assertThat(q1.duePassed()).isFalse();
        assertThat(desk.suggestedDueDate(q1.id())).isEqualTo(q1.dueOn());

        assertThat(desk.open(q1.id(), null)).isEqualTo(4);
        assertThat(desk.cyclesOf(planId).get(0)).extracting(CycleLine::status, CycleLine::dueOn)
                .containsExactly(CycleStatus.OPEN, q1.dueOn());
    }

    @Test
    @WithUserDetails("caoxian.clerk")
    void onlyTheOfficeAndAdminsManageCycles() {
        assertThatThrownBy(() -> desk.cyclesOf(1L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.open(1L, null)).isInstanceOf(AccessDeniedException.class);
    }
}
