package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.duban.calendar.CalendarDayRepository;
import org.duban.calendar.WorkingDayCalendar;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ReportStatus;
import org.junit.jupiter.api.Test;

/**
 * The light rules at each boundary, on a fixed clock and a plain Monday-to-Friday calendar. The report is due on
 * Friday 2024-03-15; 11-15 March are the working days of that week.
 */
class StatusLightRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DUE = LocalDate.of(2024, 3, 15);
    private static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar(mock(CalendarDayRepository.class));

    private static StatusLight on(LocalDate today, LightFacts facts) {
        return on(today, facts, LedgerProperties.defaults());
    }

    private static StatusLight on(LocalDate today, LightFacts facts, LedgerProperties properties) {
        Clock fixed = Clock.fixed(today.atTime(9, 30).atZone(ZONE).toInstant(), ZONE);
        return new StatusLightRules(properties, WEEKDAYS, fixed).evaluate(facts);
    }

    private static LightFacts open(ReportStatus status, int returns, LocalDate lastReturn) {
        return new LightFacts(status, DUE, null, null, null, returns, lastReturn, EscalationLevel.NONE, null);
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2024, 3, day);
    }

    @Test
    void greenUntilTheConfiguredWorkingDaysBeforeTheDueDateThenYellow() {
        StatusLight fourLeft = on(march(11), open(ReportStatus.NOT_STARTED, 0, null));
        assertThat(fourLeft.light()).isEqualTo(Light.GREEN);
        assertThat(fourLeft.rule()).isEqualTo(LightRule.ON_TRACK);
        assertThat(fourLeft.since()).isNull();

        StatusLight threeLeft = on(march(12), open(ReportStatus.DRAFT, 0, null));
        assertThat(threeLeft.light()).isEqualTo(Light.YELLOW);
        assertThat(threeLeft.rule()).isEqualTo(LightRule.DUE_SOON);
        assertThat(threeLeft.detail()).isEqualTo(3);
        assertThat(threeLeft.since()).as("yellow since 3 working days before the due date").isEqualTo(march(12));

        StatusLight dueToday = on(DUE, open(ReportStatus.NOT_STARTED, 0, null));
        assertThat(dueToday.light()).isEqualTo(Light.YELLOW);
        assertThat(dueToday.detail()).isZero();
    }

    @Test
    void redFromTheDayAfterTheDueDateCountingWorkingDays() {
        StatusLight saturday = on(march(16), open(ReportStatus.NOT_STARTED, 0, null));
        assertThat(saturday.light()).isEqualTo(Light.RED);
        assertThat(saturday.rule()).isEqualTo(LightRule.OVERDUE);
        assertThat(saturday.since()).isEqualTo(march(16));
        assertThat(saturday.detail()).as("no working day overdue yet").isZero();

        StatusLight monday = on(march(18), open(ReportStatus.AWAITING_SIGNOFF, 0, null));
        assertThat(monday.rule()).isEqualTo(LightRule.OVERDUE);
        assertThat(monday.detail()).isEqualTo(1);
        assertThat(monday.since()).isEqualTo(march(16));
    }

    @Test
    void aSubmittedReportIsNotOverdueButItsReviewCanBe() {
        LightFacts waiting = new LightFacts(ReportStatus.AWAITING_REVIEW, DUE, march(20), march(14), null, 0, null,
                EscalationLevel.NONE, null);
        assertThat(on(march(18), waiting).rule()).as("2 working days left (19, 20)")
                .isEqualTo(LightRule.REVIEW_DUE_SOON);
        assertThat(on(march(14), waiting).light()).isEqualTo(Light.GREEN);
        StatusLight late = on(march(21), waiting);
        assertThat(late.light()).isEqualTo(Light.RED);
        assertThat(late.rule()).isEqualTo(LightRule.REVIEW_OVERDUE);
        assertThat(late.since()).isEqualTo(march(21));
    }

    @Test
    void returnedOnceIsYellowTwiceIsRed() {
        StatusLight once = on(march(11), open(ReportStatus.RETURNED, 1, march(8)));
        assertThat(once.light()).isEqualTo(Light.YELLOW);
        assertThat(once.rule()).isEqualTo(LightRule.RETURNED_ONCE);
        assertThat(once.since()).isEqualTo(march(8));
        assertThat(once.detail()).isEqualTo(1);

        StatusLight twice = on(march(11), open(ReportStatus.AWAITING_SIGNOFF, 2, march(11)));
        assertThat(twice.light()).isEqualTo(Light.RED);
        assertThat(twice.rule()).isEqualTo(LightRule.RETURNED_REPEATEDLY);
        assertThat(twice.since()).isEqualTo(march(11));
    }

    @Test
    void theWorstRuleExplainsAndEveryRuleThatHoldsIsKept() {
        StatusLight light = on(march(18), open(ReportStatus.RETURNED, 1, march(14)));
        assertThat(light.rule()).isEqualTo(LightRule.OVERDUE);
        assertThat(light.reasons()).extracting(StatusLight.Reason::rule)
                .containsExactly(LightRule.OVERDUE, LightRule.RETURNED_ONCE);
    }

    @Test
    void anOpenEscalationAtTheLeaderLevelTurnsRedAnUrgingDoesNot() {
        LightFacts urged = new LightFacts(ReportStatus.NOT_STARTED, DUE, null, null, null, 0, null,
                EscalationLevel.URGE, march(11));
        assertThat(on(march(11), urged).light()).isEqualTo(Light.GREEN);

        LightFacts escalated = new LightFacts(ReportStatus.NOT_STARTED, DUE, null, null, null, 0, null,
                EscalationLevel.ESCALATE_LEADER, march(11));
        StatusLight light = on(march(11), escalated);
        assertThat(light.light()).isEqualTo(Light.RED);
        assertThat(light.rule()).isEqualTo(LightRule.ESCALATED);
        assertThat(light.since()).isEqualTo(march(11));

        LedgerProperties fromUrging = new LedgerProperties(3, 1, 2, EscalationLevel.URGE, Light.YELLOW, 50);
        assertThat(on(march(11), urged, fromUrging).rule()).isEqualTo(LightRule.ESCALATED);
    }

    @Test
    void approvedIsGreenWhenFirstSubmittedByTheDueDateElseTheConfiguredColour() {
        LightFacts onDueDay = new LightFacts(ReportStatus.APPROVED, DUE, null, DUE, march(19), 2, march(18),
                EscalationLevel.NONE, null);
        StatusLight green = on(march(25), onDueDay);
        assertThat(green.light()).as("returns before approval no longer count").isEqualTo(Light.GREEN);
        assertThat(green.rule()).isEqualTo(LightRule.APPROVED_ON_TIME);
        assertThat(green.since()).isEqualTo(march(19));

        LightFacts aDayLate = new LightFacts(ReportStatus.APPROVED, DUE, null, march(18), march(19), 0, null,
                EscalationLevel.NONE, null);
        StatusLight late = on(march(25), aDayLate);
        assertThat(late.light()).isEqualTo(Light.YELLOW);
        assertThat(late.rule()).isEqualTo(LightRule.APPROVED_LATE);
        assertThat(late.detail()).isEqualTo(1);
        LedgerProperties lenient = new LedgerProperties(3, 1, 2, EscalationLevel.ESCALATE_LEADER, Light.GREEN, 50);
        assertThat(on(march(25), aDayLate, lenient).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void thresholdsComeFromConfiguration() {
        LedgerProperties strict = new LedgerProperties(0, 1, 3, EscalationLevel.ESCALATE_LEADER, Light.YELLOW, 50);
        assertThat(on(march(14), open(ReportStatus.NOT_STARTED, 0, null), strict).light()).isEqualTo(Light.GREEN);
        assertThat(on(march(15), open(ReportStatus.NOT_STARTED, 0, null), strict).light()).isEqualTo(Light.YELLOW);
        assertThat(on(march(11), open(ReportStatus.RETURNED, 2, march(11)), strict).light())
                .as("red only from 3 returns").isEqualTo(Light.YELLOW);
        assertThatThrownBy(() -> new LedgerProperties(3, 2, 2, EscalationLevel.ESCALATE_LEADER, Light.YELLOW, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExplanationNamesTheRuleAndTheDay() {
        StatusLight light = on(march(18), open(ReportStatus.NOT_STARTED, 0, null));
        assertThat(LedgerText.of(java.util.Locale.SIMPLIFIED_CHINESE).explain(light))
                .isEqualTo("逾期未报送，已逾期 1 个工作日（自 2024-03-16 起）");
        assertThat(LedgerText.of(java.util.Locale.ENGLISH).explain(light))
                .isEqualTo("Not submitted, 1 working days overdue (since 2024-03-16)");
        StatusLight overridden = light.overriddenBy(Light.GREEN, "已电话核实，系统外已报送", "supervisor",
                march(18).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(LedgerText.of(java.util.Locale.SIMPLIFIED_CHINESE).explain(overridden))
                .isEqualTo("督查室人工亮灯：已电话核实，系统外已报送（supervisor，2024-03-18；原为红灯：逾期未报送，已逾期 1 个工作日）");
    }
}
