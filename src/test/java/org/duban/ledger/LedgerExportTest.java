package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The exports opened the way an office opens them: the .xlsx ledger with POI (title, header, frozen pane, merged
 * section rows, a report's values) and the cycle's .docx bulletin (its ranking table in ranking order). Works on
 * 成武县's reports on the tasks 市委宣传部 leads, in 2023Q2.
 */
class LedgerExportTest extends WorkflowTestSupport {

    private static final DubanUserDetails SUPERVISOR = Actors.of("DCS", Role.SUPERVISOR);

    @Autowired LedgerService ledger;
    @Autowired LedgerExcelExport excel;
    @Autowired BulletinService bulletins;
    @Autowired BulletinWordExport word;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    private ReportingCycle q2;

    @BeforeEach
    void cycleOpen() {
        q2 = openCycle("2023Q2");
    }

    @Test
    void theXlsxHasTheOfficeLayoutWithSectionHeadingsAndTheReportedValues() throws Exception {
        ProgressReport report = report(76, "CHENGWU", "2023Q2");
        if (reload(report).getStatus() == ReportStatus.NOT_STARTED) {
            Actors.as(Actors.of("CHENGWU", Role.CLERK), () -> reportService.submit(
                    taskOf(report, "fillReport").getId(), reportValues("组织参加文博会，签约项目2个", 45, true,
                            "展位费用待落实")));
        }
        LedgerFilter filter = LedgerFilter.ofCycle(q2.getId()).withLeadUnit("XCB").withUnit("CHENGWU");
        List<LedgerRow> rows = Actors.as(SUPERVISOR, () -> ledger.page(filter, 0, 100));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Actors.as(SUPERVISOR, () -> {
            try {
                excel.write(filter, "重点工作任务推进台账（2023Q2）", Locale.SIMPLIFIED_CHINESE, out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("重点工作任务推进台账（2023Q2）");
            assertThat(texts(sheet.getRow(1))).containsExactly("序号", "任务", "牵头单位", "参与单位", "本期进展",
                    "指标完成情况", "状态", "备注");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);

            LedgerRow first = rows.get(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(first.sectionLabel() + "、" + first.sectionTitle());
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 7),
                    new CellRangeAddress(2, 2, 0, 7));
            long sections = rows.stream().map(LedgerRow::sectionNumber).distinct().count();
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + sections + rows.size());
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(first.taskLabel());

            Row line = null;
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i).getCell(1).getStringCellValue().startsWith("76. ")) {
                    line = sheet.getRow(i);
                }
            }
            assertThat(line).as("the row of task 76").isNotNull();
            List<String> values = texts(line);
            assertThat(values.get(1)).isEqualTo("76. " + task(76).getTitle());
            assertThat(values.get(2)).isEqualTo("市委宣传部、市文化和旅游局");
            assertThat(values.get(3)).isEqualTo("成武县");
            assertThat(values.get(4)).isEqualTo("组织参加文博会，签约项目2个\n完成进度 45%\n存在问题：展位费用待落实");
            assertThat(values.get(6)).isEqualTo("绿灯 · 待单位负责人审签");
            assertThat(values.get(7)).isEqualTo("正常推进");
            assertThat(sheet.getColumnWidth(1)).isBetween(24 * 256, 48 * 256);
            assertThat(sheet.getColumnWidth(4)).as("wide enough for the Chinese narrative")
                    .isGreaterThanOrEqualTo(LedgerExcelExport.width("组织参加文博会，签约项目2个") * 256);
        }
    }

    @Test
    void theBulletinRanksUnitsByOnTimeRateAndCountsReturns() throws Exception {
        ProgressReport report = report(77, "CHENGWU", "2023Q2");
        Actors.as(Actors.of("CHENGWU", Role.CLERK), () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("开展群众文化活动12场", 50, false, null)));
        Actors.as(Actors.of("CHENGWU", Role.UNIT_LEADER), () -> reviewService.signOff(
                taskOf(report, "signOffReport").getId(), true, null));
        Actors.as(Actors.of("XCB", Role.REVIEWER), () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.RETURN_TO_CLERK, "请补充活动明细", Map.of()));

        CycleBulletin bulletin = Actors.as(SUPERVISOR, () -> bulletins.bulletin(q2.getId()));
        UnitPerformance chengwu = bulletin.ranking().stream().filter(u -> u.unitCode().equals("CHENGWU"))
                .findFirst().orElseThrow();
        assertThat(chengwu.onTime()).isGreaterThanOrEqualTo(1);
        assertThat(chengwu.returns()).isGreaterThanOrEqualTo(1);
        assertThat(chengwu.due()).as("nothing else is due on 2023-06-01").isEqualTo(chengwu.onTime());
        assertThat(bulletin.ranking()).isSortedAccordingTo(CycleBulletin.ORDER);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word.write(bulletin, Locale.SIMPLIFIED_CHINESE, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            XWPFTable table = doc.getTables().get(0);
            List<String> units = new ArrayList<>();
            for (int i = 1; i < table.getRows().size(); i++) {
                units.add(table.getRow(i).getCell(1).getText());
            }
            assertThat(units).isEqualTo(bulletin.ranking().stream().map(UnitPerformance::unitName).toList());
            assertThat(units).contains("成武县");
            int rowOfChengwu = units.indexOf("成武县") + 1;
            assertThat(table.getRow(rowOfChengwu).getCell(6).getText()).isEqualTo(String.valueOf(chengwu.returns()));
        }

        assertThatThrownBy(() -> Actors.as(Actors.of("XCB", Role.REVIEWER), () -> bulletins.bulletin(q2.getId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
