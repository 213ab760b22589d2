package org.duban.ledger.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.catalog.Indicator;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The offline round trip as a clerk does it: download the unit's template, open it with POI, fill it in, upload it.
 * Works on 菏泽经济技术开发区 (HZKFQ)'s 2023Q2 reports on tasks 40–70 and reads (never writes) 菏泽高新区 (HZGXQ)'s;
 * other test classes use these units only on tasks 6, 8 and 72.
 */
class OfflineRoundTripTest extends WorkflowTestSupport {

    private static final DubanUserDetails KFQ_CLERK = Actors.of("HZKFQ", Role.CLERK);
    private static final DubanUserDetails GXQ_CLERK = Actors.of("HZGXQ", Role.CLERK);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired OfflineTemplateExport export;
    @Autowired OfflineUploadService uploads;
    @Autowired ReportService reportService;

    private ReportingCycle q2;

    @BeforeEach
    void cycleOpen() {
        q2 = openCycle("2023Q2");
    }

    @Test
    void templateHasOneRowPerOpenReportWithHiddenLockedKeysReadOnlyFactsAndCheckedInputCells() throws Exception {
        List<ProgressReport> mine = untouched("HZKFQ", 40, 49);
        ProgressReport report = mine.get(0);
        List<Indicator> indicators = indicatorsOf(report);

        try (XSSFWorkbook workbook = open(template(KFQ_CLERK))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(OfflineTemplate.NUMBER).getStringCellValue())
                    .isEqualTo("菏泽经济技术开发区 2023Q2 重点工作进展离线填报表");
            Row header = sheet.getRow(OfflineTemplate.HEADER_ROW);
            assertThat(header.getCell(OfflineTemplate.NARRATIVE).getStringCellValue()).isEqualTo("本期进展");
            assertThat(header.getCell(OfflineTemplate.PERCENT).getStringCellValue()).isEqualTo("总体完成进度（%）");
            assertThat(header.getCell(OfflineTemplate.actualColumn(0)).getStringCellValue()).isEqualTo("指标1累计完成值");
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow())
                    .isEqualTo((short) OfflineTemplate.FIRST_DATA_ROW);

            // only this unit's reports that are with the clerk, every one of them
            List<String> keys = keys(sheet);
            long expected = tx.execute(s -> reports.findByCycleId(q2.getId()).stream()
                    .filter(r -> r.getUnit().getCode().equals("HZKFQ") && r.getStatus().isEditableByClerk())
                    .count());
            assertThat(keys).hasSize((int) expected).allMatch(k -> k.startsWith("2023-T") && k.endsWith("-2023Q2-HZKFQ"));

            Row row = rowOf(sheet, report.getBusinessKey());
            assertThat(row.getCell(OfflineTemplate.REPORT_ID).getStringCellValue())
                    .isEqualTo(String.valueOf(report.getId()));
            assertThat(row.getCell(OfflineTemplate.TASK).getStringCellValue())
                    .isEqualTo(report.getTask().getNumber() + ". " + report.getTask().getTitle());
            assertThat(row.getCell(OfflineTemplate.STATUS).getStringCellValue()).isEqualTo("未填报");
            assertThat(row.getCell(OfflineTemplate.DUE).getStringCellValue()).isEqualTo(report.getDueOn().toString());
            assertThat(row.getCell(OfflineTemplate.targetColumn(0)).getStringCellValue())
                    .startsWith(indicators.get(0).getPhrase())
                    .contains(indicators.get(0).getTargetValue().stripTrailingZeros().toPlainString());

            // keys hidden and locked, facts locked, the clerk's cells open; the sheet protected
            for (int c = OfflineTemplate.REPORT_ID; c <= OfflineTemplate.FINGERPRINT; c++) {
                assertThat(sheet.isColumnHidden(c)).isTrue();
                assertThat(row.getCell(c).getCellStyle().getLocked()).isTrue();
            }
            assertThat(row.getCell(OfflineTemplate.TASK).getCellStyle().getLocked()).isTrue();
            assertThat(row.getCell(OfflineTemplate.targetColumn(0)).getCellStyle().getLocked()).isTrue();
            for (int c : new int[] {OfflineTemplate.NARRATIVE, OfflineTemplate.PERCENT, OfflineTemplate.PROBLEMS,
                OfflineTemplate.NEXT_STEPS, OfflineTemplate.actualColumn(0)}) {
                assertThat(row.getCell(c).getCellStyle().getLocked()).as("column %d", c).isFalse();
            }
            assertThat(sheet.getProtect()).isTrue();

            // Excel's own checks: percent 0–100, actuals ≥ 0, the form's text lengths
            assertThat(sheet.getDataValidations()).extracting(v -> v.getRegions().getCellRangeAddress(0)
                    .getFirstColumn()).contains(OfflineTemplate.PERCENT, OfflineTemplate.actualColumn(0),
                    OfflineTemplate.NARRATIVE, OfflineTemplate.PROBLEMS);
            assertThat(sheet.getDataValidations()).filteredOn(v -> v.getRegions().getCellRangeAddress(0)
                    .getFirstColumn() == OfflineTemplate.NARRATIVE).singleElement()
                    .satisfies(v -> assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("4000"));

            XSSFSheet marker = workbook.getSheet(OfflineTemplate.MARKER_SHEET);
            assertThat(workbook.getSheetVisibility(workbook.getSheetIndex(marker)))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(marker.getRow(1).getCell(1).getStringCellValue()).isEqualTo("HZKFQ");
            assertThat(marker.getRow(2).getCell(1).getStringCellValue()).isEqualTo(String.valueOf(q2.getId()));
        }
    }

    @Test
    void validRowsBecomeDraftsAndEveryBadCellIsListedByRowAndColumn() throws Exception {
        List<ProgressReport> mine = untouched("HZKFQ", 50, 62);
        assertThat(mine).hasSizeGreaterThanOrEqualTo(7);
        ProgressReport valid = mine.get(0);
        ProgressReport valid2 = mine.get(1);
        ProgressReport tooLong = mine.get(2);
        ProgressReport notNumber = mine.get(3);
        ProgressReport outOfRange = mine.get(4);
        ProgressReport tampered = mine.get(5);
        ProgressReport submitted = mine.get(6);
        ProgressReport foreign = untouched("HZGXQ", 50, 62).get(0);
        byte[] template = template(KFQ_CLERK);

        // after the download, the clerk submits one report online: its row may no longer change it
        Actors.as(KFQ_CLERK, () -> reportService.submit(taskOf(submitted, "fillReport").getId(),
                reportValues("网上已报送", 50, false, null)));

        byte[] filled;
        int rValid;
        int rValid2;
        int rTooLong;
        int rNotNumber;
        int rOutOfRange;
        int rTampered;
        int rForeign;
        int rSubmitted;
        try (XSSFWorkbook workbook = open(template)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row row = rowOf(sheet, valid.getBusinessKey());
            rValid = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("离线填报：园区完成项目签约 3 个");
            row.getCell(OfflineTemplate.PERCENT).setCellValue(40);
            row.getCell(OfflineTemplate.PROBLEMS).setCellValue("用地指标紧张");
            row.getCell(OfflineTemplate.actualColumn(0)).setCellValue(12.5);

            row = rowOf(sheet, valid2.getBusinessKey());
            rValid2 = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("按计划推进");
            row.getCell(OfflineTemplate.PERCENT).setCellValue("６０"); // full-width digits typed as text

            row = rowOf(sheet, tooLong.getBusinessKey());
            rTooLong = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("长".repeat(4001));

            row = rowOf(sheet, notNumber.getBusinessKey());
            rNotNumber = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("进展正常");
            row.getCell(OfflineTemplate.PERCENT).setCellValue("约一半");

            row = rowOf(sheet, outOfRange.getBusinessKey());
            rOutOfRange = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("进展正常");
            row.getCell(OfflineTemplate.PERCENT).setCellValue(150);
            row.getCell(OfflineTemplate.actualColumn(0)).setCellValue(-5);

            row = rowOf(sheet, tampered.getBusinessKey());
            rTampered = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.BUSINESS_KEY).setCellValue(valid.getBusinessKey());
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("改过隐藏列");

            row = rowOf(sheet, submitted.getBusinessKey());
            rSubmitted = row.getRowNum() + 1;
            row.getCell(OfflineTemplate.NARRATIVE).setCellValue("离线版本");

            // a row added for another unit's report, its id and key consistent
            Row last = sheet.getRow(sheet.getLastRowNum());
            Row foreignRow = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int c = 0; c < last.getLastCellNum(); c++) {
                foreignRow.createCell(c).setCellStyle(last.getCell(c).getCellStyle());
            }
            rForeign = foreignRow.getRowNum() + 1;
            foreignRow.getCell(OfflineTemplate.REPORT_ID).setCellValue(String.valueOf(foreign.getId()));
            foreignRow.getCell(OfflineTemplate.BUSINESS_KEY).setCellValue(foreign.getBusinessKey());
            foreignRow.getCell(OfflineTemplate.NARRATIVE).setCellValue("替高新区填报");
            filled = bytes(workbook);
        }

        UploadResult result = Actors.as(KFQ_CLERK, () -> uploads.upload("HZKFQ_2023Q2.xlsx", filled, ZH));

        String n = OfflineTemplate.letter(OfflineTemplate.actualColumn(0));
        assertThat(result.errors()).extracting(CellError::row, CellError::column).containsExactlyInAnyOrder(
                tuple(rTooLong, "I"), tuple(rNotNumber, "J"), tuple(rOutOfRange, "J"), tuple(rOutOfRange, n),
                tuple(rTampered, "B"), tuple(rSubmitted, "G"), tuple(rForeign, "A"));
        assertThat(message(result, rTooLong, "I")).contains("最多 4000 个字，现有 4001 个");
        assertThat(message(result, rNotNumber, "J")).isEqualTo("应为数字，实际为“约一半”。");
        assertThat(message(result, rOutOfRange, "J")).contains("不能大于 100");
        assertThat(message(result, rOutOfRange, n)).contains("不能小于 0");
        assertThat(message(result, rTampered, "B")).contains("隐藏列被改动");
        assertThat(message(result, rSubmitted, "G")).contains(submitted.getBusinessKey()).contains("不能编辑");
        assertThat(message(result, rForeign, "A")).contains(foreign.getBusinessKey()).contains("不是本单位");
        assertThat(result.errors().stream().filter(e -> e.row() == rNotNumber).findFirst().orElseThrow()
                .describe(ZH)).isEqualTo("第" + rNotNumber + "行 J列：应为数字，实际为“约一半”。");
        assertThat(result.rowsWithErrors()).isEqualTo(6);
        assertThat(result.saved()).extracting(UploadResult.SavedRow::row, UploadResult.SavedRow::businessKey)
                .containsExactly(tuple(rValid, valid.getBusinessKey()), tuple(rValid2, valid2.getBusinessKey()));
        assertThat(result.unchangedRows()).doesNotContain(rValid, rValid2, rTooLong, rForeign).isNotEmpty();

        // valid rows: drafts with the values, never submitted
        ProgressReport saved = reload(valid);
        assertThat(saved.getStatus()).isEqualTo(ReportStatus.DRAFT);
        assertThat(saved.getNarrative()).isEqualTo("离线填报：园区完成项目签约 3 个");
        assertThat(saved.getPercentDone()).isEqualTo(40);
        assertThat(saved.getProblems()).isEqualTo("用地指标紧张");
        assertThat(actual(saved, indicatorsOf(valid).get(0))).isEqualByComparingTo("12.5");
        assertThat(saved.getRevision()).isZero();
        assertThat(reload(valid2).getPercentDone()).isEqualTo(60);
        assertThat(reload(valid2).getStatus()).isEqualTo(ReportStatus.DRAFT);

        // invalid rows: untouched
        for (ProgressReport untouched : List.of(tooLong, notNumber, outOfRange, tampered, foreign)) {
            ProgressReport now = reload(untouched);
            assertThat(now.getStatus()).as(untouched.getBusinessKey()).isEqualTo(ReportStatus.NOT_STARTED);
            assertThat(now.getNarrative()).as(untouched.getBusinessKey()).isNull();
            assertThat(now.getPercentDone()).isNull();
        }
        assertThat(actual(reload(outOfRange), indicatorsOf(outOfRange).get(0))).isNull();
        assertThat(reload(submitted).getNarrative()).isEqualTo("网上已报送");
        assertThat(reload(submitted).getStatus()).isIn(ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW);

        // the same file again: the saved rows are now different from what the template was made from
        UploadResult again = Actors.as(KFQ_CLERK, () -> uploads.upload("HZKFQ_2023Q2.xlsx", filled, ZH));
        assertThat(again.saved()).isEmpty();
        assertThat(again.errors()).filteredOn(e -> e.row() == rValid).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("下载模板后已在系统中修改过"));
        assertThat(reload(valid).getNarrative()).isEqualTo("离线填报：园区完成项目签约 3 个");
    }

    @Test
    void aClerkOfAnotherUnitIsRefusedAndNothingIsWritten() throws Exception {
        ProgressReport report = untouched("HZKFQ", 63, 70).get(0);
        byte[] filled;
        try (XSSFWorkbook workbook = open(template(KFQ_CLERK))) {
            rowOf(workbook.getSheetAt(0), report.getBusinessKey()).getCell(OfflineTemplate.NARRATIVE)
                    .setCellValue("别的单位上传");
            filled = bytes(workbook);
        }

        assertThatThrownBy(() -> Actors.as(GXQ_CLERK, () -> uploads.upload("t.xlsx", filled, ZH)))
                .isInstanceOf(TemplateRejectedException.class)
                .hasMessage("此模板是 HZKFQ 的填报表，您是 HZGXQ 的经办人，不能上传。请下载本单位的模板。");
        assertThat(reload(report).getNarrative()).isNull();
        assertThat(reload(report).getStatus()).isEqualTo(ReportStatus.NOT_STARTED);

        DubanUserDetails reviewer = Actors.of("HZKFQ", Role.REVIEWER);
        assertThatThrownBy(() -> Actors.as(reviewer, () -> uploads.upload("t.xlsx", filled, ZH)))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> Actors.as(reviewer, () -> export.cycles()))
                .isInstanceOf(WorkflowAccessException.class);

        // the right clerk may
        UploadResult result = Actors.as(KFQ_CLERK, () -> uploads.upload("t.xlsx", filled, ZH));
        assertThat(result.errors()).isEmpty();
        assertThat(result.saved()).extracting(UploadResult.SavedRow::businessKey)
                .containsExactly(report.getBusinessKey());
        assertThat(reload(report).getNarrative()).isEqualTo("别的单位上传");
    }

    @Test
    void filesThatAreNotACleanXlsxTemplateAreRefusedWithAClearMessage() throws Exception {
        byte[] template = template(KFQ_CLERK);

        assertThat(refusal("t.xlsm", template)).contains("不接受含宏的文件");
        assertThat(refusal("t.xls", template)).contains("不支持旧版 .xls");
        assertThat(refusal("t.csv", template)).isEqualTo("只接受 .xlsx 文件，“t.csv”不是。");
        assertThat(refusal("t.xlsx", new byte[0])).isEqualTo("文件是空的。");
        assertThat(refusal("t.xlsx", new byte[(int) uploads.maxBytes() + 1])).startsWith("文件太大");
        assertThat(refusal("t.xlsx", "序号,任务\n1,x".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("此文件不是有效的 .xlsx 工作簿。");

        // macros hidden behind an .xlsx name
        byte[] withMacros = rezip(template, Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3}),
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>", null);
        assertThat(refusal("t.xlsx", withMacros)).contains("不接受含宏的文件");

        // an external entity in the XML: refused, never resolved
        byte[] xxe = rezip(template, Map.of(), null, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        assertThat(refusal("t.xlsx", xxe)).startsWith("无法读取此文件").doesNotContain("root:");

        // some other workbook
        try (XSSFWorkbook other = new XSSFWorkbook()) {
            other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("序号");
            assertThat(refusal("t.xlsx", bytes(other))).contains("不是本系统下载的离线填报模板");
        }
    }

    // --- helpers

    /** The unit's 2023Q2 reports on tasks from..to that nobody has written yet and that have indicators. */
    private List<ProgressReport> untouched(String unitCode, int from, int to) {
        return tx.execute(s -> {
            List<ProgressReport> found = new ArrayList<>();
            for (ProgressReport r : reports.findByCycleId(q2.getId())) {
                int number = r.getTask().getNumber();
                if (r.getUnit().getCode().equals(unitCode) && number >= from && number <= to
                        && r.getStatus() == ReportStatus.NOT_STARTED && !r.getTask().getIndicators().isEmpty()) {
                    Hibernate.initialize(r.getTask().getIndicators());
                    found.add(r);
                }
            }
            found.sort(java.util.Comparator.comparing(r -> r.getTask().getNumber()));
            return found;
        });
    }

    private List<Indicator> indicatorsOf(ProgressReport report) {
        return tx.execute(s -> new ArrayList<>(keyTasks.findById(report.getTask().getId()).orElseThrow()
                .getIndicators()));
    }

    private BigDecimal actual(ProgressReport report, Indicator indicator) {
        return tx.execute(s -> reports.findById(report.getId()).orElseThrow().actualFor(indicator.getId())
                .map(a -> a.getActualValue()).orElse(null));
    }

    private byte[] template(DubanUserDetails clerk) {
        return Actors.as(clerk, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                export.write(q2.getId(), ZH, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    private String refusal(String fileName, byte[] content) {
        try {
            Actors.as(KFQ_CLERK, () -> uploads.upload(fileName, content, ZH));
        } catch (TemplateRejectedException e) {
            return e.getMessage();
        }
        throw new AssertionError(fileName + " was accepted");
    }

    private static String message(UploadResult result, int row, String column) {
        return result.errors().stream().filter(e -> e.row() == row && column.equals(e.column())).findFirst()
                .orElseThrow().message();
    }

    private static XSSFWorkbook open(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static List<String> keys(XSSFSheet sheet) {
        List<String> keys = new ArrayList<>();
        for (int r = OfflineTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Cell cell = sheet.getRow(r).getCell(OfflineTemplate.BUSINESS_KEY);
            keys.add(cell.getStringCellValue());
        }
        return keys;
    }

    private static Row rowOf(XSSFSheet sheet, String businessKey) {
        for (int r = OfflineTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && businessKey.equals(row.getCell(OfflineTemplate.BUSINESS_KEY).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + businessKey);
    }

    /** The template's zip with extra entries, a content-type line added, or a DOCTYPE put in front of the sheet XML. */
    private static byte[] rezip(byte[] xlsx, Map<String, byte[]> extra, String contentType, String doctype)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (contentType != null && entry.getName().equals("[Content_Types].xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf('>', xml.indexOf("<Types")) + 1;
                    data = (xml.substring(0, at) + contentType + xml.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
                if (doctype != null && entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("?>") + 2;
                    data = (xml.substring(0, at) + doctype + xml.substring(at).replaceFirst("本期进展", "&e;"))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(data);
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
