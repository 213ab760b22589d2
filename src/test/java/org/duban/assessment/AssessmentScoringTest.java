package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The assessment's arithmetic and ranking on figures made up for the purpose, each expected score worked by hand. */
class AssessmentScoringTest {

    private static final Weights DEFAULT = new Weights(40, 20, 20, 20);

    private static UnitBasis unit(String code, int sortOrder, int reports, int due, int onTime, int submitted,
            int returns, int escalations, int indicatorLines, double indicatorPoints) {
        return new UnitBasis(code, code + "县", sortOrder, reports, due, onTime, submitted, returns, escalations,
                indicatorLines, indicatorPoints);
    }

    @Test
    void everyComponentAndTheScoreAtKnownInputs() {
        // on time 3/4 = 75; returns 1/4 → 75; 督办 0/4 → 100; indicators (80 + 100) / 2 = 90
        // 75×0.4 + 75×0.2 + 100×0.2 + 90×0.2 = 30 + 15 + 20 + 18 = 83
        UnitScore s = AssessmentScoring.score(unit("A", 1, 4, 4, 3, 4, 1, 0, 2, 180), DEFAULT);
        assertThat(s.score()).isEqualByComparingTo("83.00");
        ComponentScore onTime = s.component(Weights.Component.ON_TIME);
        assertThat(onTime.count()).isEqualTo(3);
        assertThat(onTime.basis()).isEqualTo(4);
        assertThat(onTime.raw()).isEqualByComparingTo("75");
        assertThat(onTime.points()).isEqualByComparingTo("75");
        assertThat(onTime.weight()).isEqualTo(40);
        assertThat(onTime.effectiveWeight()).isEqualByComparingTo("40");
        assertThat(onTime.contribution()).isEqualByComparingTo("30");
        assertThat(s.component(Weights.Component.RETURNS).raw()).isEqualByComparingTo("0.25");
        assertThat(s.component(Weights.Component.RETURNS).contribution()).isEqualByComparingTo("15");
        assertThat(s.component(Weights.Component.ESCALATIONS).points()).isEqualByComparingTo("100");
        assertThat(s.component(Weights.Component.INDICATORS).points()).isEqualByComparingTo("90");
        assertThat(s.component(Weights.Component.INDICATORS).contribution()).isEqualByComparingTo("18");
    }

    @Test
    void aComponentWithoutDataPassesItsWeightOnInProportion() {
        // nothing submitted, nothing reported: on time 0/1 = 0 and 督办 2 per report → 0, over weights 40 + 20 = 60
        UnitScore late = AssessmentScoring.score(unit("B", 1, 1, 1, 0, 0, 0, 2, 0, 0), DEFAULT);
        assertThat(late.score()).isEqualByComparingTo("0");
        assertThat(late.component(Weights.Component.RETURNS).hasData()).isFalse();
        assertThat(late.component(Weights.Component.RETURNS).contribution()).isNull();
        assertThat(late.component(Weights.Component.ON_TIME).effectiveWeight()).isEqualByComparingTo("66.67");
        assertThat(late.component(Weights.Component.ESCALATIONS).effectiveWeight()).isEqualByComparingTo("33.33");

        // on time 2/2 = 100, returns 1/2 → 50, 督办 1/2 → 50, no indicators: over 80:
        // 100×40/80 + 50×20/80 + 50×20/80 = 50 + 12.5 + 12.5 = 75
        UnitScore c = AssessmentScoring.score(unit("C", 1, 2, 2, 2, 2, 1, 1, 0, 0), DEFAULT);
        assertThat(c.score()).isEqualByComparingTo("75.00");
        assertThat(c.component(Weights.Component.ON_TIME).contribution()).isEqualByComparingTo("50");
        assertThat(c.component(Weights.Component.RETURNS).contribution()).isEqualByComparingTo("12.5");

        // contributions are rounded and the score is their sum: 2/3 on time under 100% weight
        UnitScore third = AssessmentScoring.score(unit("D", 1, 3, 3, 2, 0, 0, 0, 0, 0), new Weights(100, 0, 0, 0));
        assertThat(third.score()).isEqualByComparingTo("66.67");
        // all the weight on a component without data: no score at all
        UnitScore none = AssessmentScoring.score(unit("E", 1, 1, 0, 0, 0, 0, 0, 0, 0), new Weights(0, 0, 0, 100));
        assertThat(none.score()).isNull();
    }

    @Test
    void rankedByScoreThenOnTimeEscalationsReturnsThenRegistryOrderAndFullTiesShareARank() {
        // U1: on time 1/1 = 100, returns 1/2 → 50, 督办 0 → 100: 50 + 12.5 + 25 = 87.5
        UnitBasis u1 = unit("U1", 9, 2, 1, 1, 2, 1, 0, 0, 0);
        // U2, U3: on time 3/4 = 75, returns 0 → 100, 督办 0 → 100: 37.5 + 25 + 25 = 87.5 (U3 first in the registry)
        UnitBasis u2 = unit("U2", 5, 4, 4, 3, 4, 0, 0, 0, 0);
        UnitBasis u3 = unit("U3", 2, 4, 4, 3, 4, 0, 0, 0, 0);
        UnitBasis best = unit("U4", 8, 1, 1, 1, 1, 0, 0, 0, 0); // 100
        UnitBasis nothing = unit("U5", 1, 1, 0, 0, 0, 0, 0, 0, 0); // only 督办 has data: 100
        UnitBasis noScore = unit("U6", 1, 0, 0, 0, 0, 0, 0, 0, 0);
        List<UnitScore> ranked = AssessmentScoring.rank(List.of(u2, nothing, u1, u3, best), DEFAULT);
        assertThat(ranked).extracting(UnitScore::unitCode).containsExactly("U4", "U5", "U1", "U3", "U2");
        assertThat(ranked).extracting(s -> s.score().toPlainString())
                .containsExactly("100.00", "100.00", "87.50", "87.50", "87.50");
        // U4 and U5 tie on score; U4's on-time points (100) beat U5's none
        assertThat(ranked).extracting(UnitScore::rank).containsExactly(1, 2, 3, 4, 4);

        List<UnitScore> withoutScore = AssessmentScoring.rank(List.of(noScore, u1), new Weights(0, 0, 0, 100));
        assertThat(withoutScore).extracting(UnitScore::unitCode).containsExactly("U1", "U6");
        assertThat(withoutScore.get(1).score()).isNull();
    }

    @Test
    void weightsMustBeGivenNonNegativeAndAddUpToOneHundred() {
        assertThat(Weights.validated(40, 20, 20, 20)).isEqualTo(Weights.DEFAULTS);
        assertThat(Weights.validated(100, 0, 0, 0).sum()).isEqualTo(100);
        assertThatThrownBy(() -> Weights.validated(40, 20, 20, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("各项权重之和须为 100，现为 110 / the weights must add up to 100, they add up to 110");
        assertThatThrownBy(() -> Weights.validated(60, -10, 30, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("「退回情况」的权重不能为负数（-10）")
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Weights.validated(null, 20, 20, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("请填写「按时报送」的权重");
    }
}
