package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.catalog.parse.Fixtures.task;

import org.junit.jupiter.api.Test;

class StructureScannerTest {

    @Test
    void numberingGapsDuplicatesAndEmptySectionsAreWarnedAndTheRestIsParsed() {
        ParsedPlan plan = Fixtures.parse(Fixtures.resource("/catalog/numbering-gaps.txt"), "numbering-gaps.txt");

        assertThat(plan.title()).isEqualTo("测试市2025年重点工作任务");
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.documentNumber()).isNull();
        assertThat(plan.sections()).extracting(ParsedSection::label, s -> s.tasks().size())
                .containsExactly(tuple("一", 4), tuple("二", 0), tuple("三", 1));
        assertThat(plan.allTasks()).extracting(ParsedTask::number, ParsedTask::title)
                .containsExactly(tuple(1, "任务一"), tuple(2, "任务二"), tuple(2, "任务二又一次"), tuple(5, "任务五"),
                        tuple(6, "任务六"));
        // a line starting with a decimal is text, not task 24
        assertThat(plan.allTasks().get(3).text()).isEqualTo("任务五。全年用水总量控制在24.18亿立方米以内。");
        assertThat(plan.allTasks().get(3).leadUnits()).containsExactly("市水务局");
        // "3、4月份" does not fit the numbering: it stays text of task 6
        assertThat(task(plan, 6).text()).isEqualTo("任务六。开展集中检查，3、4月份完成首轮。");
        assertThat(task(plan, 6).leadUnits()).containsExactly("市应急局");

        assertThat(plan.warnings()).containsExactly(
                "第6行，任务2：任务编号2重复 (duplicate task number)",
                "第7行，任务5：任务编号从2跳到5，缺少3—4 (task numbering gap)",
                "第9行：第二部分“没有任务的部分”下没有任务 (section has no tasks)",
                "第12行，任务6：行首“3”与任务编号顺序不符，按上一任务的正文处理 (number out of sequence, kept as text)");
    }

    @Test
    void numberingMayRestartInEachSection() {
        ParsedPlan plan = Fixtures.parseText("""
                一、甲
                1. 任务甲一。（牵头单位：市科技局）
                2. 任务甲二。（牵头单位：市科技局）
                二、乙
                1. 任务乙一。（牵头单位：市科技局）
                """);
        assertThat(plan.sections()).extracting(s -> s.tasks().size()).containsExactly(2, 1);
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void tasksWithoutAnySectionHeadingGoIntoSectionZero() {
        ParsedPlan plan = Fixtures.parseText("""
                1. 扩大投资。（牵头单位：市发展改革委）
                2. 提振消费。（牵头单位：市商务局）
                """);
        assertThat(plan.sections()).singleElement().satisfies(s -> {
            assertThat(s.number()).isZero();
            assertThat(s.label()).isEmpty();
            assertThat(s.tasks()).hasSize(2);
        });
    }

    @Test
    void subheadingsPageNumbersAndTrailerAreNotTaskText() {
        ParsedPlan plan = Fixtures.parseText("""
                一、重点任务
                （一）稳增长
                1. 扩大投资。完成投资100亿元。
                — 2 —
                （牵头单位：市发展改革委）
                （二）促消费
                2. 提振消费。（牵头单位：市商务局）
                抄送：市委各部门。
                某市人民政府办公室
                2031年1月5日印发
                """);
        assertThat(plan.allTasks()).extracting(ParsedTask::text)
                .containsExactly("扩大投资。完成投资100亿元。", "提振消费。");
        assertThat(task(plan, 1).leadUnits()).containsExactly("市发展改革委");
    }

    @Test
    void aSectionOutOfSequenceIsAcceptedWhenItLooksLikeAHeading() {
        ParsedPlan plan = Fixtures.parseText("""
                一、甲
                1. 任务一。（牵头单位：市科技局）
                三、丙
                2. 任务二。（牵头单位：市科技局）
                """);
        assertThat(plan.sections()).extracting(ParsedSection::number).containsExactly(1, 3);
        assertThat(plan.warnings()).containsExactly("第3行：章节编号从“一”跳到“三” (section numbering gap)");
    }

    @Test
    void listItemsInsideATaskAreNotSections() {
        ParsedPlan plan = Fixtures.parseText("""
                一、甲
                1. 任务一。重点包括：
                一、完善制度；
                二、加强考核。（牵头单位：市科技局）
                """);
        assertThat(plan.sections()).extracting(ParsedSection::number).containsExactly(1);
        assertThat(task(plan, 1).text()).isEqualTo("任务一。重点包括：一、完善制度；二、加强考核。");

        ParsedPlan bracketed = Fixtures.parseText("""
                一、甲
                1. 任务一。重点包括：
                （一）完善制度；
                （二）加强考核。（牵头单位：市科技局）
                """);
        assertThat(task(bracketed, 1).text()).isEqualTo("任务一。重点包括：（一）完善制度；（二）加强考核。");
        assertThat(task(bracketed, 1).leadUnits()).containsExactly("市科技局");
    }

    @Test
    void aFirstTaskNotNumberedOneIsWarned() {
        ParsedPlan plan = Fixtures.parseText("3. 任务三。（牵头单位：市科技局）\n4. 任务四。（牵头单位：市科技局）\n");
        assertThat(plan.allTasks()).extracting(ParsedTask::number).containsExactly(3, 4);
        assertThat(plan.warnings()).containsExactly("第1行：第一项任务的编号是3而不是1 (first task is not numbered 1)");
    }

    @Test
    void aNumberFarAheadIsTextNotAGap() {
        ParsedPlan plan = Fixtures.parseText("1. 任务一。挖掘上世纪\n50、60年代的红色资源。（牵头单位：市委宣传部）\n");
        assertThat(plan.allTasks()).hasSize(1);
        assertThat(task(plan, 1).text()).isEqualTo("任务一。挖掘上世纪50、60年代的红色资源。");
        assertThat(task(plan, 1).indicators()).isEmpty();
        assertThat(plan.warnings()).singleElement().asString().startsWith("第2行，任务1：行首“50”");
    }

    @Test
    void chineseNumeralsReadAndWrite() {
        assertThat(ChineseNumerals.parse("一")).isEqualTo(1);
        assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
        assertThat(ChineseNumerals.parse("十一")).isEqualTo(11);
        assertThat(ChineseNumerals.parse("二十")).isEqualTo(20);
        assertThat(ChineseNumerals.parse("二十三")).isEqualTo(23);
        assertThat(ChineseNumerals.parse("十十")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("一二")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("")).isEqualTo(-1);
        for (int n = 1; n <= 99; n++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
        }
    }
}
