package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorExtractorTest {

    private final IndicatorExtractor extractor = new IndicatorExtractor();

    private List<String> figures(String text) {
        return extractor.extract(text).stream()
                .map(i -> i.value().toPlainString() + " " + i.unit() + " " + i.comparator()).toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "力争达到2家以上。|2 家 AT_LEAST",
            "新增就业不少于8000人。|8000 人 AT_LEAST",
            "覆盖率不低于90%。|90 % AT_LEAST",
            "至少建成运行1座设施。|1 座 AT_LEAST",
            "为400余家企业提供服务。|400 家 AT_LEAST",
            "培育100多家企业。|100 家 AT_LEAST",
            "交易额超过20亿元。|20 亿元 AT_LEAST",
            "总量控制在24.18亿立方米以内。|24.18 亿立方米 AT_MOST",
            "能耗控制在5万吨。|5 万吨 AT_MOST",
            "办理时间不超过3个工作日。|3 个工作日 AT_MOST",
            "空置率降至5%以下。|5 % AT_MOST",
            "建设2家左右中心。|2 家 ABOUT",
            "调查面积约1000平方公里。|1000 平方公里 ABOUT",
            "新增床位1500张。|1500 张 EXACT",
            "建设2—3家园区。|2 家 AT_LEAST",
            "打造1-2个示范区。|1 个 AT_LEAST",
            "建成5至8个站点。|5 个 AT_LEAST",
            "比重达到８０％。|80 % EXACT",
            "提高2个百分点。|2 个百分点 EXACT",
            "40%以上的县域医共体达到省级标准。|40 % AT_LEAST",
            "累计60%城市污水处理厂完成提标。|60 % EXACT",
            "新增十亿级以上产业集群10个。|10 个 EXACT",
            "新增床位1,500张。|1500 张 EXACT",
            "新建道路5条。|5 条 EXACT"})
    void comparatorsAndUnits(String text, String expected) {
        assertThat(figures(TextNormalizer.normalizeLine(text))).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "力争2023年完成。",
            "落实《三年行动计划（2023—2025年）》。",
            "依据国发〔2022〕18号文件。",
            "开展“231”产业攻坚。",
            "落实“八抓20条”措施。",
            "严格落实国务院安委会15条和省委措施。",
            "出台稳增长20条措施。",
            "推动陶驿500千伏输变电工程。",
            "加快30万千瓦以下低效煤电机组关停。",
            "加快布局5G网络。",
            "建设国道106大桥、省道328工程。",
            "举办第4届博览会。",
            "退出全国168个城市的后20位。",
            "构建“15分钟服务圈”。"})
    void figuresThatAreNotTargets(String text) {
        assertThat(figures(text)).isEmpty();
    }

    @Test
    void aQualifierDescribesTheThingsCountedAndOnlyTheCountIsATarget() {
        assertThat(figures("实施投资500万元以上技术改造项目200个以上。")).containsExactly("200 个 AT_LEAST");
        assertThat(figures("新增营业收入过10亿元企业5家。")).containsExactly("5 家 EXACT");
        assertThat(figures("年产值10亿元以上的企业达到20家。")).containsExactly("20 家 EXACT");
        // a money figure followed by punctuation or 、 is a target
        assertThat(figures("签发商业汇票50亿元、实现融资150亿元以上。")).containsExactly("50 亿元 EXACT",
                "150 亿元 AT_LEAST");
    }

    @Test
    void phraseIsTheClauseAroundTheFigure() {
        List<ParsedIndicator> indicators = extractor.extract(
                "实施特殊困难老年人家庭适老化改造，全市新增护理型养老床位1500张，特殊困难老年人家庭适老化改造不少于4000户。");
        assertThat(indicators).extracting(ParsedIndicator::text)
                .containsExactly("全市新增护理型养老床位1500张", "特殊困难老年人家庭适老化改造不少于4000户");
    }

    @Test
    void delimitersInsideQuotesOrBracketsDoNotCutThePhrase() {
        List<ParsedIndicator> indicators = extractor.extract("建成“智慧、便民”服务站（含社区、村居）30个。");
        assertThat(indicators).singleElement()
                .satisfies(i -> assertThat(i.text()).isEqualTo("建成“智慧、便民”服务站（含社区、村居）30个"));
    }

    @Test
    void valuesAreExactDecimals() {
        ParsedIndicator indicator = extractor.extract("保持在37.66万头以上。").get(0);
        assertThat(indicator.value()).isEqualByComparingTo("37.66");
        assertThat(indicator.value().scale()).isEqualTo(2);
    }

    @Test
    void anUnbalancedQuoteDoesNotHideTheRestOfTheText() {
        assertThat(figures("开展“一企一策行动，新增企业" + "很多".repeat(40) + "，培育10家。")).containsExactly("10 家 EXACT");
    }
}
