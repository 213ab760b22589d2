package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.catalog.parse.Fixtures.COUNTIES_AND_ZONES;
import static org.duban.catalog.parse.Fixtures.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole seed (菏政办字〔2023〕13号) against a hand-written reading of it. */
class SeedCatalogTest {

    private static ParsedPlan plan;

    @BeforeAll
    static void parseSeed() {
        plan = Fixtures.seed();
    }

    @Test
    void headerIsReadFromThePreamble() {
        assertThat(plan.title()).isEqualTo("菏泽市建设绿色低碳高质量发展先行区2023年重点工作任务");
        assertThat(plan.documentNumber()).isEqualTo("菏政办字〔2023〕13号");
        assertThat(plan.year()).isEqualTo(2023);
    }

    @Test
    void elevenSectionsWithTheirLabelsAndTitles() {
        assertThat(plan.sections()).extracting(ParsedSection::number, ParsedSection::label, ParsedSection::title)
                .containsExactly(
                        tuple(1, "一", "深入实施创新驱动发展战略"),
                        tuple(2, "二", "纵深推进新旧动能转换"),
                        tuple(3, "三", "坚定不移扩大内需"),
                        tuple(4, "四", "协同推进降碳减污扩绿增长"),
                        tuple(5, "五", "深入实施黄河重大国家战略"),
                        tuple(6, "六", "打造乡村振兴齐鲁样板"),
                        tuple(7, "七", "深化改革扩大开放"),
                        tuple(8, "八", "繁荣发展文化事业产业"),
                        tuple(9, "九", "扎实推进共同富裕"),
                        tuple(10, "十", "坚决守好安全发展底线"),
                        tuple(11, "十一", "切实抓好组织实施"));
        assertThat(plan.sections()).extracting(s -> s.tasks().size())
                .containsExactly(9, 9, 17, 11, 4, 9, 11, 12, 8, 3, 3);
    }

    @Test
    void ninetySixTasksNumberedOneToNinetySix() {
        assertThat(plan.allTasks()).hasSize(96);
        assertThat(plan.allTasks()).extracting(ParsedTask::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 96).boxed().toList());
    }

    record Expected(int number, int section, String title, List<String> leads, List<String> participants,
            List<String> unresolved) {
        @Override
        public String toString() {
            return "任务" + number + " " + title;
        }
    }

    static Stream<Arguments> expectedTasks() {
        String tsv = new String(Fixtures.resource("/catalog/heze-2023-expected.tsv"), StandardCharsets.UTF_8);
        List<Arguments> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\\|", -1);
            rows.add(Arguments.of(new Expected(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], names(c[3]),
                    names(c[4]), names(c[5]))));
        }
        return rows.stream();
    }

    private static List<String> names(String column) {
        List<String> names = new ArrayList<>();
        for (String name : column.split("、")) {
            if (name.equals("*")) {
                names.addAll(COUNTIES_AND_ZONES);
            } else if (!name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void expectedTableCoversEveryTask() {
        assertThat(expectedTasks()).hasSize(96);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedTasks")
    void everyTaskHasItsSectionTitleAndUnits(Expected expected) {
        ParsedSection section = plan.sections().stream()
                .filter(s -> s.tasks().stream().anyMatch(t -> t.number() == expected.number())).findFirst()
                .orElseThrow();
        ParsedTask task = task(plan, expected.number());
        assertThat(section.number()).as("section").isEqualTo(expected.section());
        assertThat(task.title()).as("title").isEqualTo(expected.title());
        assertThat(task.text()).as("text starts with the title sentence").startsWith(expected.title() + "。");
        assertThat(task.leadUnits()).as("leads").containsExactlyElementsOf(expected.leads());
        assertThat(task.participatingUnits()).as("participants").containsExactlyElementsOf(expected.participants());
        assertThat(task.unresolved()).as("unresolved").containsExactlyElementsOf(expected.unresolved());
    }

    @Test
    void namedUnitCasesFromTheBrief() {
        assertThat(task(plan, 9).leadUnits()).containsExactly("市委组织部", "市人力资源社会保障局", "市科技局", "市教育局",
                "市工业和信息化局");
        assertThat(task(plan, 9).participatingUnits()).hasSize(12).startsWith("团市委");
        assertThat(task(plan, 60).leadUnits()).hasSize(7).first().isEqualTo("市政府办公室");
        assertThat(task(plan, 70).participatingUnits()).hasSize(13).startsWith("市交通运输局", "市贸促会");
        assertThat(task(plan, 68).leadUnits()).containsExactly("市商务局", "市发展改革委");
        for (int n = 94; n <= 96; n++) {
            assertThat(task(plan, n).leadUnits()).isEmpty();
            assertThat(task(plan, n).participatingUnits()).isEmpty();
            assertThat(task(plan, n).unresolved()).isEmpty();
        }
        // 管委会 after 各县区政府 is part of the group, never a unit of its own
        assertThat(plan.allTasks()).flatExtracting(ParsedTask::participatingUnits).doesNotContain("管委会");
    }

    @Test
    void textIsTheStatementWithoutNumberOrUnitClause() {
        assertThat(task(plan, 1).text()).isEqualTo("完善实验室体系。积极争创全国、全省重点实验室，在生物医药、高端化工、新一代信息技术、新材料、"
                + "高端装备等领域培育组建山东省重点实验室，力争2023年省重点实验室达到2家以上。");
        assertThat(plan.allTasks()).allSatisfy(t -> {
            assertThat(t.text()).doesNotContain("牵头单位", "牵头部门", "参与单位");
            assertThat(t.text()).doesNotMatch("^\\d.*");
            assertThat(t.text()).doesNotMatch("(?s).*(\\p{IsHan}\\s|\\s\\p{IsHan}).*");
        });
        // page breaks inside words are joined without a separator
        assertThat(task(plan, 2).text()).contains("持续加大省级创新平台培育力度，建设2家左右省级技术创新中心。");
        assertThat(task(plan, 54).text()).endsWith("推进鄂城国家级小麦制种大县、巨野省级小麦良种繁育基地县建设。");
        assertThat(task(plan, 94).text()).contains("各县区要全面加强");
        // task 68's clause is followed by 。, which goes with it
        assertThat(task(plan, 68).text()).endsWith("引导优质要素回归发展。");
        // the trailer (抄送…, 印发) does not belong to task 96
        assertThat(task(plan, 96).text()).endsWith("依法依规追责问责。").doesNotContain("抄送");
    }

    @Test
    void theRegistryKnowsEveryUnitOfTheSeed() {
        assertThat(plan.warnings()).noneMatch(w -> w.contains("不在单位名录") || w.contains("unknown unit"));
        assertThat(plan.warnings()).containsExactly(
                "第279行，任务94：未写明牵头单位或参与单位 (no unit clause)",
                "第283行，任务95：未写明牵头单位或参与单位 (no unit clause)",
                "第285行，任务96：未写明牵头单位或参与单位 (no unit clause)");
    }

    /** Indicators as "value unit comparator", the phrase left aside. */
    private static List<String> figures(int number) {
        return task(plan, number).indicators().stream()
                .map(i -> i.value().toPlainString() + " " + i.unit() + " " + i.comparator()).toList();
    }

    private static String figure(String value, String unit, Comparator comparator) {
        return value + " " + unit + " " + comparator;
    }

    @Test
    void indicatorsOfTheBrief() {
        assertThat(figures(1)).containsExactly(figure("2", "家", Comparator.AT_LEAST));
        assertThat(figures(23)).containsExactly(figure("460", "万千瓦", Comparator.AT_LEAST));
        assertThat(figures(26)).containsExactly(figure("20", "万千瓦", Comparator.AT_LEAST));
        assertThat(task(plan, 26).indicators()).noneMatch(i -> i.value().intValue() == 500);
        assertThat(figures(11)).containsExactly(figure("26", "家", Comparator.EXACT),
                figure("200", "个", Comparator.AT_LEAST));
        assertThat(figures(41)).containsExactly(figure("80", "%", Comparator.EXACT),
                figure("24.18", "亿立方米", Comparator.AT_MOST), figure("0.9", "亿立方米", Comparator.AT_LEAST),
                figure("50", "%", Comparator.EXACT));
        assertThat(figures(87)).containsExactly(figure("1500", "张", Comparator.EXACT),
                figure("4000", "户", Comparator.AT_LEAST));
        assertThat(figures(40)).containsExactly(figure("1000", "平方公里", Comparator.ABOUT));
        assertThat(figures(18)).containsExactly(figure("400", "家", Comparator.AT_LEAST),
                figure("50", "亿元", Comparator.AT_LEAST), figure("50", "亿元", Comparator.EXACT),
                figure("150", "亿元", Comparator.AT_LEAST));
        assertThat(figures(3)).containsExactly(figure("3", "个", Comparator.EXACT),
                figure("5", "个", Comparator.AT_LEAST), figure("10", "家", Comparator.EXACT),
                figure("7", "家", Comparator.ABOUT));
        assertThat(figures(88)).containsExactly(figure("40", "%", Comparator.AT_LEAST));
    }

    @Test
    void indicatorPhrasesAreTheClausesTheyComeFrom() {
        assertThat(task(plan, 87).indicators()).extracting(ParsedIndicator::text)
                .containsExactly("全市新增护理型养老床位1500张", "特殊困难老年人家庭适老化改造不少于4000户");
        assertThat(task(plan, 41).indicators().get(1).text()).isEqualTo("全市年度用水总量控制在24.18亿立方米以内");
        assertThat(task(plan, 11).indicators().get(1).text()).isEqualTo("实施投资500万元以上技术改造项目200个以上");
        // several figures in one clause: the 、-separated part holding each
        assertThat(task(plan, 71).indicators()).extracting(ParsedIndicator::text)
                .containsExactly("创建市级文明村镇100个", "市级文明单位60个", "市级文明校园50所", "市级文明家庭50个");
        // …unless the part is the bare figure: then the clause
        assertThat(task(plan, 33).indicators()).extracting(ParsedIndicator::text)
                .containsExactly("开工改造城镇老旧小区153个", "开工改造城镇老旧小区153个、3.6万户");
    }

    @Test
    void rangesAreAtLeastTheLowerBound() {
        assertThat(figures(37)).containsExactly(figure("2", "家", Comparator.AT_LEAST));
        assertThat(task(plan, 37).indicators().get(0).text()).endsWith("2—3家");
        assertThat(figures(51)).containsExactly(figure("11", "个", Comparator.EXACT),
                figure("2", "个", Comparator.AT_LEAST));
        assertThat(figures(15)).containsExactly(figure("1", "个", Comparator.EXACT),
                figure("2", "家", Comparator.ABOUT), figure("1", "家", Comparator.AT_LEAST));
    }

    @Test
    void figuresThatAreNotTargetsAreLeftOut() {
        // 营业收入过10亿元企业5家: the 10亿元 says which companies count
        assertThat(figures(17)).containsExactly(figure("100", "家", Comparator.EXACT),
                figure("5", "家", Comparator.EXACT), figure("5", "家", Comparator.EXACT),
                figure("1000", "家", Comparator.AT_LEAST));
        // 30万千瓦以下低效煤电机组: which units are closed, not a target
        assertThat(figures(24)).isEmpty();
        // 全国168个城市的后20位: a ranking
        assertThat(figures(38)).isEmpty();
        // 国务院安委会15条 and “八抓20条”: rules, not quantities
        assertThat(figures(92)).isEmpty();
        // 第四届, 〔2022〕1586号, 世界500强, “6小时”, “15分钟…”, 2023—2025年
        assertThat(figures(76)).isEmpty();
        assertThat(figures(66)).isEmpty();
        assertThat(figures(70)).isEmpty();
        assertThat(figures(73)).isEmpty();
        assertThat(figures(64)).containsExactly(figure("3", "个", Comparator.EXACT));
        // 国道106, 省道328, 国道327 are roads; 4条高速 is a count of projects
        assertThat(figures(20)).containsExactly(figure("4", "条", Comparator.EXACT));
        // 5G
        assertThat(figures(32)).isEmpty();
        // no indicator anywhere is a year
        assertThat(plan.allTasks()).flatExtracting(ParsedTask::indicators)
                .noneMatch(i -> i.value().intValue() >= 2020 && i.value().intValue() <= 2025 && i.unit().equals("年"));
    }

    @Test
    void moreSeedIndicators() {
        assertThat(figures(5)).containsExactly(figure("10", "项", Comparator.EXACT),
                figure("80", "%", Comparator.AT_LEAST), figure("20", "项", Comparator.ABOUT),
                figure("2", "家", Comparator.ABOUT), figure("1", "项", Comparator.ABOUT));
        assertThat(figures(9)).containsExactly(figure("30", "名", Comparator.EXACT),
                figure("40", "名", Comparator.ABOUT), figure("2.7", "万人", Comparator.AT_LEAST));
        assertThat(figures(46)).containsExactly(figure("95", "%", Comparator.EXACT),
                figure("100", "%", Comparator.EXACT), figure("1", "座", Comparator.AT_LEAST));
        assertThat(figures(52)).containsExactly(figure("1780", "万亩", Comparator.AT_LEAST),
                figure("158", "亿斤", Comparator.AT_LEAST));
        assertThat(figures(57)).containsExactly(figure("37.66", "万头", Comparator.AT_LEAST),
                figure("1", "个", Comparator.EXACT));
        assertThat(figures(75)).containsExactly(figure("150", "亿元", Comparator.AT_LEAST),
                figure("3", "个", Comparator.AT_LEAST), figure("10", "亿元", Comparator.ABOUT));
        assertThat(figures(77)).containsExactly(figure("10", "家", Comparator.AT_LEAST));
        assertThat(figures(84)).containsExactly(figure("5", "个", Comparator.AT_LEAST),
                figure("30", "%", Comparator.AT_LEAST), figure("20", "所", Comparator.EXACT),
                figure("30", "处", Comparator.EXACT), figure("3000", "名", Comparator.EXACT));
        assertThat(figures(31)).containsExactly(figure("10", "平方公里", Comparator.EXACT),
                figure("97.1", "%", Comparator.EXACT));
        assertThat(figures(45)).containsExactly(figure("953", "个", Comparator.EXACT),
                figure("5", "个", Comparator.EXACT), figure("60", "%", Comparator.EXACT));
        assertThat(Arrays.asList(4, 7, 10, 14, 19, 21, 22, 30, 35, 36, 47, 48, 50, 54, 61, 62, 63, 67, 68, 74,
                78, 79, 80, 81, 83, 85, 89, 91, 93, 94, 95, 96)).allSatisfy(n -> assertThat(figures(n)).isEmpty());
    }
}
