package org.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.dashboard.DashboardService.Counts;
import org.duban.dashboard.DashboardService.Dashboard;
import org.duban.dashboard.DashboardService.IndicatorLine;
import org.duban.org.Role;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** The dashboard's counts on a plan of the test's own ({@link AnalyticsFixture}), as of 2023-07-10. */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServiceTest {

    private static final DubanUserDetails SUPERVISOR = Actors.of("DCS", Role.SUPERVISOR);

    @Autowired DashboardService dashboards;
    @Autowired JdbcTemplate jdbc;

    private AnalyticsFixture fx;

    @BeforeAll
    void plan() {
        fx = new AnalyticsFixture(jdbc, "D");
    }

    @BeforeEach
    void july2023() {
        ClockUtil.setCurrentTime(Date.from(AnalyticsFixture.TODAY.atTime(9, 0).atZone(ZoneId.systemDefault())
                .toInstant()));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    private Dashboard as(DubanUserDetails user, Long cycleId) {
        return Actors.as(user, () -> dashboards.dashboard(fx.planId, cycleId));
    }

    private static List<Integer> figures(Counts c) {
        return List.of(c.reports(), c.due(), c.onTime(), c.late(), c.returned(), c.escalated());
    }

    @Test
    void aCycleIsCountedPerSectionLeadUnitAndCounty() {
        Dashboard q2 = as(SUPERVISOR, fx.q2);
        assertThat(q2.cycle().periodCode()).isEqualTo("2023Q2");
        assertThat(q2.leadUnitCode()).isNull();
        // reports, due, on time, late, returned, escalated
        assertThat(figures(q2.total())).containsExactly(4, 4, 2, 2, 1, 1);
        assertThat(q2.total().onTimeRate()).isEqualTo(50.0);

        assertThat(q2.bySection()).extracting(Counts::label).containsExactly("一 稳增长", "二 惠民生");
        assertThat(figures(q2.bySection().get(0))).containsExactly(3, 3, 2, 1, 1, 1);
        assertThat(figures(q2.bySection().get(1))).containsExactly(1, 1, 0, 1, 0, 0);

        assertThat(q2.byLeadUnit()).singleElement().satisfies(lead -> {
            assertThat(lead.label()).isEqualTo("考核牵头局" + fx.suffix);
            assertThat(figures(lead)).containsExactly(4, 4, 2, 2, 1, 1);
        });

        // the city department is not a county; registry order
        assertThat(q2.byCounty()).extracting(Counts::key).containsExactly(fx.ctyaCode, fx.ctybCode);
        assertThat(figures(q2.byCounty().get(0))).containsExactly(2, 2, 1, 1, 1, 0);
        assertThat(figures(q2.byCounty().get(1))).containsExactly(1, 1, 0, 1, 0, 1);
        assertThat(q2.byCounty().get(1).onTimeRate()).isEqualTo(0.0);
    }

    @Test
    void theTrendCoversEveryOpenedCycleWhateverTheChosenOne() {
        Dashboard q1 = as(SUPERVISOR, fx.q1);
        assertThat(q1.trend()).extracting(Counts::label).containsExactly("2023Q1", "2023Q2");
        assertThat(figures(q1.trend().get(0))).containsExactly(3, 3, 2, 1, 1, 0);
        assertThat(figures(q1.trend().get(1))).containsExactly(4, 4, 2, 2, 1, 1);
        assertThat(figures(q1.total())).containsExactly(3, 3, 2, 1, 1, 0);

        Dashboard all = as(SUPERVISOR, null);
        assertThat(all.cycle()).isNull();
        assertThat(figures(all.total())).containsExactly(7, 7, 4, 3, 2, 1);
    }

    @Test
    void indicatorsSumEachUnitsLatestValueUpToTheCycleAndJudgeByComparator() {
        List<IndicatorLine> q2 = as(SUPERVISOR, fx.q2).indicators();
        assertThat(q2).extracting(IndicatorLine::taskNumber, IndicatorLine::seq).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 1));
        IndicatorLine firms = q2.get(0);
        assertThat(firms.actual()).isEqualByComparingTo("230"); // CTYA 80 (Q2 replaces Q1's 30) + LEAD 150
        assertThat(firms.target()).isEqualByComparingTo("100");
        assertThat(firms.percent()).isEqualByComparingTo("230.0");
        assertThat(firms.met()).isTrue();
        assertThat(firms.reportingUnits()).isEqualTo(2);
        IndicatorLine water = q2.get(1);
        assertThat(water.actual()).isEqualByComparingTo("40");
        assertThat(water.percent()).isEqualByComparingTo("80.0");
        assertThat(water.met()).as("AT_MOST 50: 40 stays within").isTrue();

        List<IndicatorLine> q1 = as(SUPERVISOR, fx.q1).indicators();
        assertThat(q1.get(0).actual()).isEqualByComparingTo("30");
        assertThat(q1.get(0).met()).isFalse();
        assertThat(q1.get(1).actual()).isNull();
        assertThat(q1.get(1).percent()).isNull();
        assertThat(q1.get(1).reportingUnits()).isZero();
    }

    @Test
    void comparatorsDecideWhatMeetsATarget() {
        BigDecimal fifty = new BigDecimal("50");
        assertThat(Achievement.met(org.duban.catalog.Comparator.AT_MOST, new BigDecimal("50.1"), fifty)).isFalse();
        assertThat(Achievement.met(org.duban.catalog.Comparator.AT_LEAST, new BigDecimal("49.9"), fifty)).isFalse();
        assertThat(Achievement.met(org.duban.catalog.Comparator.ABOUT, new BigDecimal("55"), fifty)).isTrue();
        assertThat(Achievement.met(org.duban.catalog.Comparator.ABOUT, new BigDecimal("55.1"), fifty)).isFalse();
        assertThat(Achievement.points(org.duban.catalog.Comparator.AT_MOST, new BigDecimal("100"), fifty))
                .isEqualTo(50.0);
        assertThat(Achievement.points(org.duban.catalog.Comparator.AT_LEAST, new BigDecimal("150"), fifty))
                .isEqualTo(100.0);
        assertThat(Achievement.points(org.duban.catalog.Comparator.EXACT, new BigDecimal("20"), fifty))
                .isEqualTo(40.0);
    }

    @Test
    void reviewersSeeTheTasksTheirUnitLeadsAndClerksNothing() {
        Dashboard lead = as(Actors.of(fx.leadCode, Role.REVIEWER), fx.q2);
        assertThat(lead.leadUnitCode()).isEqualTo(fx.leadCode);
        assertThat(figures(lead.total())).containsExactly(4, 4, 2, 2, 1, 1);

        Dashboard county = as(Actors.of(fx.ctyaCode, Role.REVIEWER), fx.q2);
        assertThat(figures(county.total())).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(county.indicators()).isEmpty();
        assertThat(county.bySection()).isEmpty();

        assertThat(as(Actors.of("SZFBGS", Role.ADMIN), fx.q2).total().reports()).isEqualTo(4);
        assertThatThrownBy(() -> as(Actors.of(fx.ctyaCode, Role.CLERK), fx.q2))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Actors.of(fx.ctyaCode, Role.UNIT_LEADER), fx.q2))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCycleOfAnotherPlanIsRefusedWithAMessage() {
        AnalyticsFixture other = new AnalyticsFixture(jdbc, "X");
        assertThatThrownBy(() -> as(SUPERVISOR, other.q1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("报送周期不属于该计划");
    }
}
