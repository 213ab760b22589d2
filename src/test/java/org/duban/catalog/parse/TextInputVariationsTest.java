package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.catalog.parse.Fixtures.COUNTIES_AND_ZONES;
import static org.duban.catalog.parse.Fixtures.task;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Another city's list in the wording and encodings other cities use: GBK, UTF-8 with BOM and CRLF, 1．/1、 numbering,
 * units on lines of their own, 牵头部门, 责任单位/配合单位, a clause broken over a blank line, a task without units.
 */
class TextInputVariationsTest {

    private static ParsedPlan otherCity(String file) {
        return Fixtures.parse(Fixtures.resource("/catalog/" + file), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"other-city-utf8.txt", "other-city-gbk.txt", "other-city-bom-crlf.txt"})
    void everyEncodingReadsTheSame(String file) {
        ParsedPlan plan = otherCity(file);

        assertThat(plan.title()).isEqualTo("某某市2024年重点工作任务");
        assertThat(plan.documentNumber()).isEqualTo("某政办发〔2024〕5号");
        assertThat(plan.year()).isEqualTo(2024);
        assertThat(plan.sections()).extracting(ParsedSection::number, ParsedSection::label, ParsedSection::title)
                .containsExactly(tuple(1, "一", "产业发展"), tuple(2, "二", "民生保障"));
        assertThat(plan.allTasks()).extracting(ParsedTask::number, ParsedTask::title)
                .containsExactly(tuple(1, "培育壮大制造业"), tuple(2, "优化营商环境"), tuple(3, "扩大就业"),
                        tuple(4, "加强组织保障"));

        // 1．numbering, units on lines of their own; 区发改局 is not in the registry but kept
        ParsedTask t1 = task(plan, 1);
        assertThat(t1.text()).isEqualTo("培育壮大制造业。新增规模以上工业企业15家以上，技改投资增长10%。");
        assertThat(t1.leadUnits()).containsExactly("区发改局");
        assertThat(t1.participatingUnits()).containsExactly("市工业和信息化局", "市科技局");
        assertThat(t1.indicators()).extracting(i -> i.value().toPlainString(), ParsedIndicator::unit,
                ParsedIndicator::comparator)
                .containsExactly(tuple("15", "家", Comparator.AT_LEAST), tuple("10", "%", Comparator.EXACT));

        // 2、numbering, 牵头部门, 配合单位, 各县（区）政府
        ParsedTask t2 = task(plan, 2);
        assertThat(t2.text()).isEqualTo("优化营商环境。政务服务事项网办率达到95%以上。");
        assertThat(t2.leadUnits()).containsExactly("市行政审批服务局");
        List<String> participants = new ArrayList<>(List.of("市大数据局"));
        participants.addAll(COUNTIES_AND_ZONES);
        assertThat(t2.participatingUnits()).containsExactlyElementsOf(participants);

        // 责任单位 next to a lead, clause broken over a blank line
        ParsedTask t3 = task(plan, 3);
        assertThat(t3.leadUnits()).containsExactly("市人力资源社会保障局");
        assertThat(t3.participatingUnits()).containsExactly("市教育局", "市财政局");
        assertThat(t3.indicators()).extracting(i -> i.value().toPlainString(), ParsedIndicator::unit,
                ParsedIndicator::comparator).containsExactly(tuple("8000", "人", Comparator.ABOUT));

        // no clause at all
        ParsedTask t4 = task(plan, 4);
        assertThat(t4.leadUnits()).isEmpty();
        assertThat(t4.participatingUnits()).isEmpty();
        assertThat(t4.text()).isEqualTo("加强组织保障。各部门要加强协调配合。");

        assertThat(plan.warnings()).containsExactly(
                "第10行，任务1：单位“区发改局”不在单位名录中，已按原文保留 (unknown unit, kept as written)",
                "第21行，任务4：未写明牵头单位或参与单位 (no unit clause)");
    }

    @Test
    void gbkFileIsNotValidUtf8() {
        byte[] gbk = Fixtures.resource("/catalog/other-city-gbk.txt");
        assertThat(new String(gbk, StandardCharsets.UTF_8)).contains("\uFFFD");
        assertThat(new String(gbk, Charset.forName("GBK"))).contains("某政办发〔2024〕5号");
    }

    @Test
    void crLfAndLfGiveTheSameResult() {
        String lf = new String(Fixtures.resource("/catalog/other-city-utf8.txt"), StandardCharsets.UTF_8);
        ParsedPlan fromLf = Fixtures.parseText(lf);
        ParsedPlan fromCrLf = Fixtures.parseText(lf.replace("\n", "\r\n"));
        ParsedPlan fromCr = Fixtures.parseText(lf.replace("\n", "\r"));
        assertThat(fromCrLf).isEqualTo(fromLf);
        assertThat(fromCr).isEqualTo(fromLf);
    }

    @Test
    void seedInGb18030ReadsLikeTheUtf8Original() {
        String seed = new String(Fixtures.resource(Fixtures.SEED), StandardCharsets.UTF_8);
        ParsedPlan utf8 = Fixtures.seed();
        ParsedPlan gb = Fixtures.parse(seed.getBytes(Charset.forName("GB18030")), "heze-2023-gb18030.txt");
        assertThat(gb).isEqualTo(utf8);
    }

    @Test
    void fullWidthDigitsInNumbersAndTargets() {
        ParsedPlan plan = Fixtures.parseText("""
                一、总体
                １．建设书房。建成城乡书房１０家。（牵头单位：市委宣传部）
                ２．开展活动。（牵头单位：市文化和旅游局）
                """);
        assertThat(plan.allTasks()).extracting(ParsedTask::number).containsExactly(1, 2);
        assertThat(task(plan, 1).indicators()).singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualByComparingTo("10"));
    }
}
