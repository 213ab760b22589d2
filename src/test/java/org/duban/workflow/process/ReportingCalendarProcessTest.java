package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.workflow.ProcessKeys.REPORTING_CALENDAR;
import static org.duban.workflow.ProcessKeys.VAR_PLAN_ID;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.reporting.ReportingCalendarService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bpmn/reporting-calendar.bpmn: one instance per plan, opening each scheduled cycle on its opening day. */
@Deployment(resources = "bpmn/reporting-calendar.bpmn")
class ReportingCalendarProcessTest extends ProcessTest {

    private static final long PLAN_ID = 3L;
    private static final LocalDateTime JUNE_FIRST = LocalDateTime.of(2025, 6, 1, 8, 0);
    private static final LocalDateTime SEPTEMBER_FIRST = LocalDateTime.of(2025, 9, 1, 8, 0);

    private final ReportingCalendarService reportingCalendar = mock(ReportingCalendarService.class);
    private final RecordingDelegate openDueCycles = new RecordingDelegate();

    @BeforeEach
    void registerBeans() {
        Mocks.register("reportingCalendar", reportingCalendar);
        Mocks.register("openDueCycles", openDueCycles);
        clockAt(LocalDateTime.of(2025, 5, 20, 10, 0));
    }

    @Test
    void planWithoutScheduledCyclesEndsAtOnce() {
        when(reportingCalendar.hasScheduled(PLAN_ID)).thenReturn(false);

        ProcessInstance calendar = start();

        assertThat(calendar).isEnded().hasPassed("calendarFinished").hasNotPassed("openingDay");
        verify(reportingCalendar, never()).nextOpening(PLAN_ID);
        assertThat(openDueCycles.calls()).isEmpty();
    }

    @Test
    void scheduledCycleIsAwaitedUntilTheOpeningDayTheCalendarNames() {
        when(reportingCalendar.hasScheduled(PLAN_ID)).thenReturn(true);
        when(reportingCalendar.nextOpening(PLAN_ID)).thenReturn(date(JUNE_FIRST));

        ProcessInstance calendar = start();

        assertThat(calendar).isWaitingAtExactly("openingDay");
        assertThat(job("openingDay", calendar)).hasDueDate(date(JUNE_FIRST));
        assertThat(jobQuery().executable().count()).isZero();
        assertThat(openDueCycles.calls()).isEmpty();
    }

    @Test
    void eachOpeningDayOpensTheDueCyclesUntilNoneIsLeft() {
        when(reportingCalendar.hasScheduled(PLAN_ID)).thenReturn(true, true, false);
        when(reportingCalendar.nextOpening(PLAN_ID)).thenReturn(date(JUNE_FIRST), date(SEPTEMBER_FIRST));
        ProcessInstance calendar = start();

        clockAt(JUNE_FIRST.plusMinutes(1));
        execute(jobQuery().executable().singleResult());

        assertThat(openDueCycles.calls()).singleElement()
                .satisfies(call -> assertThat(call.variable(VAR_PLAN_ID)).isEqualTo(PLAN_ID));
        assertThat(calendar).isWaitingAtExactly("openingDay");
        assertThat(job("openingDay", calendar)).hasDueDate(date(SEPTEMBER_FIRST));
        assertThat(jobQuery().executable().count()).isZero();

        clockAt(SEPTEMBER_FIRST.plusMinutes(1));
        execute(jobQuery().executable().singleResult());

        assertThat(openDueCycles.calls()).hasSize(2);
        assertThat(calendar).isEnded().hasPassed("calendarFinished");
        verify(reportingCalendar, times(3)).hasScheduled(PLAN_ID);
        verify(reportingCalendar, times(2)).nextOpening(PLAN_ID);
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(REPORTING_CALENDAR, "2025-CAL-" + PLAN_ID,
                withVariables(VAR_PLAN_ID, PLAN_ID));
    }
}
