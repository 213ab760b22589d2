package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.assessment.AssessmentService.Assessment;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.dashboard.AnalyticsFixture;
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

/**
 * The assessment of a plan of the test's own ({@link AnalyticsFixture}) as of 2023-07-10, expected scores worked by
 * hand; who sees what; the admin's weights with validation and audit. The weights are one shared row: every test
 * here that needs them sets them, and the defaults are put back after each test.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentServiceTest {

    private static final DubanUserDetails SUPERVISOR = Actors.of("DCS", Role.SUPERVISOR);
    private static final DubanUserDetails ADMIN = Actors.of("SZFBGS", Role.ADMIN);

    @Autowired AssessmentService assessments;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;

    private AnalyticsFixture fx;

    @BeforeAll
    void plan() {
        fx = new AnalyticsFixture(jdbc, "S");
    }

    @BeforeEach
    void july2023AndDefaultWeights() {
        ClockUtil.setCurrentTime(Date.from(AnalyticsFixture.TODAY.atTime(9, 0).atZone(ZoneId.systemDefault())
                .toInstant()));
        Actors.as(ADMIN, () -> assessments.updateWeights(40, 20, 20, 20));
    }

    @AfterEach
    void realClockAndDefaults() {
        Actors.as(ADMIN, () -> assessments.updateWeights(40, 20, 20, 20));
        ClockUtil.reset();
    }

    private Assessment assess(DubanUserDetails user, Long cycleId) {
        return Actors.as(user, () -> assessments.assess(fx.planId, cycleId));
    }

    @Test
    void q2ScoresAsWorkedByHand() {
        Assessment q2 = assess(SUPERVISOR, fx.q2);
        assertThat(q2.ownUnitOnly()).isFalse();
        assertThat(q2.unitsRanked()).isEqualTo(3);
        // LEAD: on time 1/1, no return, no 督办, 1-1 = 150 of 100 (capped) → 100 everywhere
        // CTYA: on time 1/2 = 50; returns 1/2 → 50; 督办 0 → 100; indicators (80 + AT_MOST 40≤50 → 100) / 2 = 90
        //       50×0.4 + 50×0.2 + 100×0.2 + 90×0.2 = 20 + 10 + 20 + 18 = 68
        // CTYB: on time 0/1 = 0; nothing submitted, nothing reported; 督办 2 on 1 report → 0: score 0
        assertThat(q2.lines()).extracting(UnitScore::unitCode).containsExactly(fx.leadCode, fx.ctyaCode, fx.ctybCode);
        assertThat(q2.lines()).extracting(s -> s.score().toPlainString()).containsExactly("100.00", "68.00", "0.00");
        assertThat(q2.lines()).extracting(UnitScore::rank).containsExactly(1, 2, 3);
        UnitScore ctya = q2.lines().get(1);
        assertThat(ctya.basis().reports()).isEqualTo(2);
        assertThat(ctya.component(Weights.Component.ON_TIME).contribution()).isEqualByComparingTo("20");
        assertThat(ctya.component(Weights.Component.RETURNS).contribution()).isEqualByComparingTo("10");
        assertThat(ctya.component(Weights.Component.INDICATORS).count()).isEqualTo(2);
        assertThat(ctya.component(Weights.Component.INDICATORS).points()).isEqualByComparingTo("90");
        UnitScore ctyb = q2.lines().get(2);
        // the withdrawn task's report, never submitted, is not CTYB's to answer for
        assertThat(ctyb.basis().reports()).isEqualTo(1);
        assertThat(ctyb.component(Weights.Component.ESCALATIONS).count()).as("催办 is not 督办").isEqualTo(2);
        assertThat(ctyb.component(Weights.Component.RETURNS).hasData()).isFalse();
        assertThat(ctyb.component(Weights.Component.ON_TIME).effectiveWeight()).isEqualByComparingTo("66.67");
    }

    @Test
    void allCyclesTogetherAndTheWeightsChangeTheScore() {
        // CTYA over Q1 + Q2: on time 2/3 → 26.67; returns 1/3 → 66.67 × 0.2 = 13.33; 督办 → 20; indicators 90 → 18
        Assessment year = assess(SUPERVISOR, null);
        UnitScore ctya = year.lines().stream().filter(s -> s.unitCode().equals(fx.ctyaCode)).findFirst().orElseThrow();
        assertThat(ctya.score()).isEqualByComparingTo("78.00");
        assertThat(ctya.component(Weights.Component.ON_TIME).contribution()).isEqualByComparingTo("26.67");
        assertThat(ctya.component(Weights.Component.RETURNS).contribution()).isEqualByComparingTo("13.33");

        // only the indicators count now: CTYA 90, LEAD 100, CTYB has none → no score, last
        Actors.as(ADMIN, () -> assessments.updateWeights(0, 0, 0, 100));
        Assessment byIndicators = assess(SUPERVISOR, fx.q2);
        assertThat(byIndicators.weights()).isEqualTo(new Weights(0, 0, 0, 100));
        assertThat(byIndicators.lines()).extracting(UnitScore::unitCode)
                .containsExactly(fx.leadCode, fx.ctyaCode, fx.ctybCode);
        assertThat(byIndicators.lines().get(1).score()).isEqualByComparingTo("90.00");
        assertThat(byIndicators.lines().get(2).score()).isNull();
    }

    @Test
    void aUnitLeaderSeesTheOwnLineAndRankOnlyAndClerksAndReviewersNothing() {
        Assessment own = assess(Actors.of(fx.ctyaCode, Role.UNIT_LEADER), fx.q2);
        assertThat(own.ownUnitOnly()).isTrue();
        assertThat(own.unitsRanked()).isEqualTo(3);
        assertThat(own.lines()).singleElement().satisfies(line -> {
            assertThat(line.unitCode()).isEqualTo(fx.ctyaCode);
            assertThat(line.rank()).isEqualTo(2);
            assertThat(line.score()).isEqualByComparingTo("68.00");
        });
        assertThat(assess(Actors.of("CAOXIAN", Role.UNIT_LEADER), fx.q2).lines()).isEmpty();

        assertThatThrownBy(() -> assess(Actors.of(fx.ctyaCode, Role.CLERK), fx.q2))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assess(Actors.of(fx.leadCode, Role.REVIEWER), fx.q2))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(assess(ADMIN, fx.q2).lines()).hasSize(3);
    }

    @Test
    void onlyAdminsChangeWeightsValidatedAndAudited() {
        assertThatThrownBy(() -> Actors.as(SUPERVISOR, () -> assessments.updateWeights(25, 25, 25, 25)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.as(ADMIN, () -> assessments.updateWeights(50, 20, 20, 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("现为 110");
        assertThat(Actors.as(SUPERVISOR, () -> assessments.weights())).isEqualTo(Weights.DEFAULTS);

        Actors.as(ADMIN, () -> assessments.updateWeights(25, 25, 25, 25));
        assertThat(Actors.as(SUPERVISOR, () -> assessments.weights())).isEqualTo(new Weights(25, 25, 25, 25));
        List<AuditEvent> trail = audit.byAction("ASSESSMENT_WEIGHTS_CHANGED");
        AuditEvent last = trail.get(trail.size() - 1);
        assertThat(last.getActor()).isEqualTo(ADMIN.getUsername());
        assertThat(last.getBeforeState()).isEqualTo("40/20/20/20");
        assertThat(last.getAfterState()).isEqualTo("25/25/25/25");
        assertThat(last.getSummary()).contains("由 40/20/20/20 调整为 25/25/25/25");
    }
}
