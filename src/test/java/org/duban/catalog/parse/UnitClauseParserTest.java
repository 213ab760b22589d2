package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.catalog.parse.Fixtures.COUNTIES_AND_ZONES;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitClauseParserTest {

    private final UnitClauseParser parser = new UnitClauseParser(Fixtures.UNITS);

    private UnitAssignment parse(String... lines) {
        List<SourceLine> source = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            source.add(new SourceLine(lines[i], "第" + (i + 1) + "行"));
        }
        UnitAssignment units = new UnitAssignment();
        parser.parse(new JoinedText(source), units);
        return units;
    }

    private static List<String> plus(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    @Test
    void leadsKeepDocumentOrderAndParticipantsFollowTheirLabel() {
        UnitAssignment units = parse("牵头单位：市科技局、市工业和信息化局；参与单位：市生态环境局，各县区政府、管委会");
        assertThat(units.leads()).containsExactly("市科技局", "市工业和信息化局");
        assertThat(units.participants()).containsExactlyElementsOf(plus(List.of("市生态环境局"), COUNTIES_AND_ZONES));
        assertThat(units.unresolved()).isEmpty();
        assertThat(units.unknown()).isEmpty();
    }

    @Test
    void halfAndFullWidthColonsAndSeparatorsMix() {
        UnitAssignment units = parse("牵头单位:市发改委,市财政局;配合单位 ： 市水务局");
        assertThat(units.leads()).containsExactly("市发展改革委", "市财政局");
        assertThat(units.participants()).containsExactly("市水务局");
    }

    @ParameterizedTest
    @ValueSource(strings = {"各县区政府、管委会", "各县区政府", "各县（区）政府", "各县区人民政府（管委会）", "各县(区)人民政府",
            "各县（市、区）政府"})
    void countyGroupExpandsToEveryCountyThenEveryZone(String group) {
        assertThat(parse("牵头单位：市科技局；参与单位：" + group).participants()).containsExactlyElementsOf(COUNTIES_AND_ZONES);
    }

    @Test
    void zoneGroupsExpandToEveryZone() {
        assertThat(parse("牵头单位：市商务局；参与单位：各功能区").participants())
                .containsExactly("菏泽经济技术开发区", "菏泽高新技术产业开发区");
        assertThat(parse("牵头单位：市商务局；参与单位：各开发区管委会").participants())
                .containsExactly("菏泽经济技术开发区", "菏泽高新技术产业开发区");
    }

    @Test
    void relevantCountiesStayUnresolvedForAPersonToChoose() {
        UnitAssignment units = parse("牵头单位：菏泽黄河河务局；参与单位：市水务局、有关县区政府");
        assertThat(units.participants()).containsExactly("市水务局");
        assertThat(units.unresolved()).containsExactly("有关县区政府");
        assertThat(units.unknown()).isEmpty();
    }

    @Test
    void andInsideAUnitNameIsNotASeparator() {
        UnitAssignment units = parse("牵头单位：市工业和信息化局和市财政局；参与单位：市自然资源和规划局及市林业局");
        assertThat(units.leads()).containsExactly("市工业和信息化局", "市财政局");
        assertThat(units.participants()).containsExactly("市自然资源和规划局", "市林业局");
        // an unknown name with 和 stays whole
        assertThat(parse("牵头单位：市文化和旅游发展中心").leads()).containsExactly("市文化和旅游发展中心");
    }

    @Test
    void dutySuffixIsDropped() {
        assertThat(parse("牵头单位：市政府办公室、市司法局按职责分工负责；参与单位：各县区政府").leads())
                .containsExactly("市政府办公室", "市司法局");
    }

    @Test
    void aliasesAndOcrVariantsResolveToCanonicalNames() {
        assertThat(parse("牵头单位：市发改委、市人社局；参与单位：鄆城县、鄂城县").leads())
                .containsExactly("市发展改革委", "市人力资源社会保障局");
        assertThat(parse("牵头单位：市发改委；参与单位：鄆城县、鄂城县").participants()).containsExactly("郓城县", "鄄城县");
    }

    @Test
    void aUnitNamedAsLeadAndParticipantStaysLeadAndDuplicatesCollapse() {
        UnitAssignment units = parse("牵头单位：市科技局、市科技局；参与单位：市科技局、市财政局、市财政局");
        assertThat(units.leads()).containsExactly("市科技局");
        assertThat(units.participants()).containsExactly("市财政局");
    }

    @Test
    void responsibleUnitsAreParticipantsNextToALeadAndLeadsOnTheirOwn() {
        assertThat(parse("牵头单位：市科技局；责任单位：市财政局").participants()).containsExactly("市财政局");
        UnitAssignment alone = parse("责任单位：市财政局、市税务局");
        assertThat(alone.leads()).containsExactly("市财政局", "市税务局");
        assertThat(alone.participants()).isEmpty();
    }

    @Test
    void leadDepartmentLabelMeansLead() {
        assertThat(parse("牵头部门：市商务局、市发展改革委；参与单位：各县区政府、管委会").leads())
                .containsExactly("市商务局", "市发展改革委");
    }

    @Test
    void unknownNamesAreKeptAndReportedWithTheirLine() {
        UnitAssignment units = parse("牵头单位：区发改局；参与单位：市科技局、", "市城建投资集团");
        assertThat(units.leads()).containsExactly("区发改局");
        assertThat(units.participants()).containsExactly("市科技局", "市城建投资集团");
        assertThat(units.unknown()).extracting(UnitAssignment.UnknownName::name, UnitAssignment.UnknownName::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("区发改局", "第1行"),
                        org.assertj.core.groups.Tuple.tuple("市城建投资集团", "第2行"));
    }

    @Test
    void aNameBrokenAcrossLinesIsJoined() {
        assertThat(parse("牵头单位：市工业和信息", "化局；参与单位：各县区政府、管", "委会)").leads())
                .containsExactly("市工业和信息化局");
        assertThat(parse("牵头单位：市工业和信息", "化局；参与单位：各县区政府、管", "委会)").participants())
                .containsExactlyElementsOf(COUNTIES_AND_ZONES);
    }

    @Test
    void spaceSeparatedNamesSplitOnlyWhenEachIsKnown() {
        assertThat(parse("牵头单位：市发展改革委 市财政局").leads()).containsExactly("市发展改革委", "市财政局");
        assertThat(parse("牵头单位：市 生态环境局").leads()).containsExactly("市生态环境局");
    }

    @Test
    void noLabelMeansNoUnits() {
        UnitAssignment units = parse("国发〔2022〕18号");
        assertThat(units.isLabelled()).isFalse();
        assertThat(units.leads()).isEmpty();
    }

    @Test
    void cleanStripsSuffixesAndStrayBrackets() {
        assertThat(UnitClauseParser.clean("市财政局等")).isEqualTo("市财政局");
        assertThat(UnitClauseParser.clean("管委会)")).isEqualTo("管委会");
        assertThat(UnitClauseParser.clean("各县区人民政府（管委会）")).isEqualTo("各县区人民政府（管委会）");
        assertThat(UnitClauseParser.clean("市司法局按职责分工负责。")).isEqualTo("市司法局");
    }
}
