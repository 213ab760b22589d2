package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.duban.catalog.IndicatorAlignment.Pair;
import org.duban.catalog.parse.ParsedIndicator;
import org.junit.jupiter.api.Test;

/**
 * How a re-imported task's targets are paired with the stored ones. A pair keeps the stored indicator (and whatever
 * reports and work plans say about it); a wrong pair would silently give reported figures another meaning.
 */
class IndicatorAlignmentTest {

    private static final Indicator BEDS = stored(1, "新增护理型养老床位1500张", "1500", "张", Comparator.EXACT);
    private static final Indicator AREA = stored(2, "新增灌溉面积1500亩以上", "1500", "亩", Comparator.AT_LEAST);
    private static final Indicator JOBS = stored(3, "城镇新增就业8000人左右", "8000", "人", Comparator.ABOUT);

    @Test
    void aTargetInsertedInFrontShiftsNoOther() {
        List<Pair> pairs = IndicatorAlignment.align(List.of(BEDS, AREA, JOBS), List.of(
                incoming("新建泵站3座", "3", "座", Comparator.EXACT), same(BEDS), same(AREA), same(JOBS)));

        assertThat(pairs).extracting(Pair::storedPosition, Pair::incomingPosition, Pair::changed).containsExactly(
                tuple(1, 2, false), tuple(2, 3, false), tuple(3, 4, false), tuple(null, 1, false));
        assertThat(pairs.get(3).added()).isTrue();
    }

    @Test
    void aRevisedFigureIsAChangeOfTheSameIndicatorWhereverItStands() {
        ParsedIndicator moreArea = incoming("新增灌溉面积2000亩以上", "2000", "亩", Comparator.AT_LEAST);
        List<Pair> pairs = IndicatorAlignment.align(List.of(BEDS, AREA, JOBS), List.of(same(JOBS), moreArea,
                same(BEDS)));

        assertThat(pairs).extracting(Pair::storedPosition, Pair::incomingPosition, Pair::changed).containsExactly(
                tuple(1, 3, false), tuple(2, 2, true), tuple(3, 1, false));
        assertThat(pairs.get(1).stored()).isSameAs(AREA);
        assertThat(pairs.get(1).incoming()).isSameAs(moreArea);
    }

    @Test
    void aDroppedTargetIsRemovedAndTheOthersStay() {
        List<Pair> pairs = IndicatorAlignment.align(List.of(BEDS, AREA, JOBS), List.of(same(BEDS), same(JOBS)));

        assertThat(pairs).extracting(Pair::storedPosition, Pair::incomingPosition).containsExactly(
                tuple(1, 1), tuple(2, null), tuple(3, 2));
        assertThat(pairs.get(1).removed()).isTrue();
    }

    @Test
    void aRewordedTargetPairsOnlyAtTheSamePlaceWithTheSameUnitOfMeasure() {
        ParsedIndicator reworded = incoming("新增高效节水灌溉面积1800亩", "1800", "亩", Comparator.EXACT);
        assertThat(IndicatorAlignment.align(List.of(BEDS, AREA), List.of(same(BEDS), reworded)))
                .extracting(Pair::storedPosition, Pair::incomingPosition, Pair::changed)
                .containsExactly(tuple(1, 1, false), tuple(2, 2, true));

        // another unit of measure is another quantity: removed and added, never a change of the stored one
        ParsedIndicator otherQuantity = incoming("建成高标准农田5万亩", "5", "万亩", Comparator.EXACT);
        assertThat(IndicatorAlignment.align(List.of(BEDS, AREA), List.of(same(BEDS), otherQuantity)))
                .extracting(Pair::storedPosition, Pair::incomingPosition)
                .containsExactly(tuple(1, 1), tuple(2, null), tuple(null, 2));
        // the same unit of measure elsewhere in the list is not a rewording either
        assertThat(IndicatorAlignment.align(List.of(AREA, BEDS), List.of(same(BEDS), reworded)))
                .extracting(Pair::storedPosition, Pair::incomingPosition)
                .containsExactly(tuple(1, null), tuple(2, 1), tuple(null, 2));
    }

    @Test
    void aFigureRevisedTogetherWithItsComparatorIsNotTheSameShape() {
        ParsedIndicator exactly = incoming("新增灌溉面积1600亩", "1600", "亩", Comparator.EXACT);
        assertThat(IndicatorAlignment.shape("新增灌溉面积1500亩以上")).isEqualTo("新增灌溉面积#亩以上");
        // still paired, by the third pass (same place, same unit), and shown as a change
        assertThat(IndicatorAlignment.align(List.of(AREA), List.of(exactly)))
                .extracting(Pair::storedPosition, Pair::incomingPosition, Pair::changed)
                .containsExactly(tuple(1, 1, true));
    }

    @Test
    void nothingOnEitherSide() {
        assertThat(IndicatorAlignment.align(List.of(), List.of())).isEmpty();
        assertThat(IndicatorAlignment.align(new ArrayList<>(), List.of(same(BEDS))))
                .extracting(Pair::storedPosition, Pair::incomingPosition).containsExactly(tuple(null, 1));
    }

    private static Indicator stored(int seq, String phrase, String value, String unit, Comparator comparator) {
        return new Indicator(null, seq, phrase, new BigDecimal(value), unit, comparator);
    }

    private static ParsedIndicator incoming(String phrase, String value, String unit, Comparator comparator) {
        return new ParsedIndicator(phrase, new BigDecimal(value), unit, comparator);
    }

    private static ParsedIndicator same(Indicator indicator) {
        return incoming(indicator.getPhrase(), indicator.getTargetValue().toPlainString(),
                indicator.getMeasureUnit(), indicator.getComparator());
    }
}
