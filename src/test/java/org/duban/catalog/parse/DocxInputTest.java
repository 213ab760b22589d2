package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.catalog.parse.Fixtures.COUNTIES_AND_ZONES;
import static org.duban.catalog.parse.Fixtures.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** .docx documents built here with POI: paragraphs, a numbered task table, Word list numbering, broken files. */
class DocxInputTest {

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void paragraph(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    @Test
    void paragraphsReadLikeTheTextFile() throws IOException {
        String text = new String(Fixtures.resource("/catalog/other-city-utf8.txt"), StandardCharsets.UTF_8);
        XWPFDocument doc = new XWPFDocument();
        for (String line : text.split("\n", -1)) {
            paragraph(doc, line);
        }
        ParsedPlan fromDocx = Fixtures.parse(bytes(doc), "other-city.docx");
        ParsedPlan fromText = Fixtures.parseText(text);

        assertThat(fromDocx.title()).isEqualTo(fromText.title());
        assertThat(fromDocx.documentNumber()).isEqualTo("某政办发〔2024〕5号");
        assertThat(fromDocx.sections()).isEqualTo(fromText.sections());
        // same problems, located by paragraph instead of line
        assertThat(fromDocx.warnings()).containsExactly(
                "第10段，任务1：单位“区发改局”不在单位名录中，已按原文保留 (unknown unit, kept as written)",
                "第21段，任务4：未写明牵头单位或参与单位 (no unit clause)");
    }

    @Test
    void theSeedAsDocxGivesTheSameCatalog() throws IOException {
        String seed = new String(Fixtures.resource(Fixtures.SEED), StandardCharsets.UTF_8);
        XWPFDocument doc = new XWPFDocument();
        for (String line : seed.split("\n", -1)) {
            paragraph(doc, line);
        }
        // recognised by its zip signature, whatever its name
        ParsedPlan plan = Fixtures.parse(bytes(doc), "upload.bin");
        ParsedPlan expected = Fixtures.seed();
        assertThat(plan.title()).isEqualTo(expected.title());
        assertThat(plan.documentNumber()).isEqualTo(expected.documentNumber());
        assertThat(plan.sections()).isEqualTo(expected.sections());
    }

    @Test
    void aNumberedTaskTableParses() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        paragraph(doc, "某市2031年重点工作任务");
        String[][] rows = {
                {"序号", "重点任务", "牵头单位", "责任单位", "完成时限"},
                {"一", "稳定经济增长", "", "", ""},
                {"1", "扩大有效投资。完成重点项目投资300亿元以上。", "市发展改革委", "市财政局\n各县区政府", "2031年底"},
                {"2", "提振消费", "市商务局", "", "全年"},
                {"二", "改善民生", "", "", ""},
                {"3", "新增就业。城镇新增就业5000人。", "市人社局\n市教育局", "团市委", ""}};
        XWPFTable table = doc.createTable(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                String[] paragraphs = rows[r][c].split("\n");
                cell.setText(paragraphs[0]);
                for (int p = 1; p < paragraphs.length; p++) {
                    cell.addParagraph().createRun().setText(paragraphs[p]);
                }
            }
        }
        ParsedPlan plan = Fixtures.parse(bytes(doc), "table.docx");

        assertThat(plan.title()).isEqualTo("某市2031年重点工作任务");
        assertThat(plan.year()).isEqualTo(2031);
        assertThat(plan.sections()).extracting(ParsedSection::number, ParsedSection::title, s -> s.tasks().size())
                .containsExactly(tuple(1, "稳定经济增长", 2), tuple(2, "改善民生", 1));
        ParsedTask t1 = task(plan, 1);
        assertThat(t1.title()).isEqualTo("扩大有效投资");
        assertThat(t1.text()).isEqualTo("扩大有效投资。完成重点项目投资300亿元以上。");
        assertThat(t1.leadUnits()).containsExactly("市发展改革委");
        List<String> participants = new ArrayList<>(List.of("市财政局"));
        participants.addAll(COUNTIES_AND_ZONES);
        assertThat(t1.participatingUnits()).containsExactlyElementsOf(participants);
        assertThat(t1.indicators()).extracting(i -> i.value().toPlainString(), ParsedIndicator::unit,
                ParsedIndicator::comparator).containsExactly(tuple("300", "亿元", Comparator.AT_LEAST));
        assertThat(task(plan, 2).title()).isEqualTo("提振消费");
        assertThat(task(plan, 2).leadUnits()).containsExactly("市商务局");
        assertThat(task(plan, 3).leadUnits()).containsExactly("市人力资源社会保障局", "市教育局");
        assertThat(task(plan, 3).participatingUnits()).containsExactly("团市委");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void wordListNumberingIsWrittenOut() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger sectionList = numbering.addNum(numbering.addAbstractNum(
                new XWPFAbstractNum(list(1, STNumberFormat.CHINESE_COUNTING, "%1、"), numbering)));
        BigInteger taskList = numbering.addNum(numbering.addAbstractNum(
                new XWPFAbstractNum(list(2, STNumberFormat.DECIMAL, "%1."), numbering)));

        paragraph(doc, "某市2031年重点工作任务");
        numbered(doc, sectionList, "稳定增长");
        numbered(doc, taskList, "扩大投资。完成投资100亿元。（牵头单位：市发展改革委）");
        numbered(doc, taskList, "提振消费。（牵头单位：市商务局）");
        numbered(doc, sectionList, "改善民生");
        numbered(doc, taskList, "新增就业。（牵头单位：市人力资源社会保障局）");

        ParsedPlan plan = Fixtures.parse(bytes(doc), "numbered.docx");
        assertThat(plan.sections()).extracting(ParsedSection::label, ParsedSection::title)
                .containsExactly(tuple("一", "稳定增长"), tuple("二", "改善民生"));
        assertThat(plan.allTasks()).extracting(ParsedTask::number, ParsedTask::title)
                .containsExactly(tuple(1, "扩大投资"), tuple(2, "提振消费"), tuple(3, "新增就业"));
        assertThat(plan.warnings()).isEmpty();
    }

    private static CTAbstractNum list(int id, STNumberFormat.Enum format, String levelText) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(levelText);
        return abstractNum;
    }

    private static void numbered(XWPFDocument doc, BigInteger numId, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(numId);
        p.createRun().setText(text);
    }

    @Test
    void aFileNamedDocxThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> Fixtures.parser().parse("1. 任务。".getBytes(StandardCharsets.UTF_8), "plan.docx"))
                .isInstanceOf(CatalogParseException.class)
                .hasMessageContaining("plan.docx").hasMessageContaining(".docx");
    }

    @Test
    void aZipThatIsNotAWordDocumentIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("你好".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThatThrownBy(() -> Fixtures.parser().parse(zip.toByteArray(), "archive.zip"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("archive.zip");
    }

    @Test
    void aDocxWithoutTextIsEmpty() throws IOException {
        byte[] empty = bytes(new XWPFDocument());
        assertThatThrownBy(() -> Fixtures.parser().parse(empty, "blank.docx"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("文件为空")
                .hasMessageContaining("blank.docx");
    }

    @Test
    void aTruncatedDocxIsRefused() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        paragraph(doc, "1. 任务一。（牵头单位：市科技局）");
        byte[] whole = bytes(doc);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> Fixtures.parser().parse(truncated, "cut.docx"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("cut.docx");
    }
}
