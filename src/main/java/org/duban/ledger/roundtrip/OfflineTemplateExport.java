package org.duban.ledger.roundtrip;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.catalog.Indicator;
import org.duban.catalog.KeyTask;
import org.duban.ledger.LedgerText;
import org.duban.ledger.OfficeSheetStyles;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportForm;
import org.duban.reporting.ReportingCycle;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormSchema;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fill-in template a clerk downloads to report offline: one row per report of their unit in the cycle that is
 * with the clerk, the key columns hidden and locked, task facts read-only (grey), the clerk's fields open (white) with
 * Excel's own checks on numbers and lengths. Excel's checks only help the user: the upload checks everything again.
 * Built in memory (XSSF), since data validation and protection need it; one unit's rows of one cycle are few.
 */
@Component
public class OfflineTemplateExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int[] FIXED_WIDTHS = {10, 30, 14, 6, 30, 50, 12, 12, 50, 10, 36, 36};

    private final OfflineReports reports;
    private final FormDefinitions forms;
    private final CurrentUser currentUser;

    public OfflineTemplateExport(OfflineReports reports, FormDefinitions forms, CurrentUser currentUser) {
        this.reports = reports;
        this.forms = forms;
        this.currentUser = currentUser;
    }

    /** Cycles in which the current clerk's unit has reports to fill in. */
    @Transactional(readOnly = true)
    public List<OfflineCycle> cycles() {
        DubanUserDetails user = currentUser.require();
        OfflineReports.requireClerk(user);
        return reports.cycles(user);
    }

    public String fileName(OfflineCycle cycle) {
        DubanUserDetails user = currentUser.require();
        return (user.getUnitCode() + "_" + cycle.periodCode() + "_offline.xlsx").replaceAll("[\\\\/:*?\"<>|\\s]+",
                "_");
    }

    /** Writes the current clerk's template for the cycle. */
    @Transactional(readOnly = true)
    public void write(Long cycleId, Locale locale, OutputStream out) throws IOException {
        DubanUserDetails user = currentUser.require();
        OfflineReports.requireClerk(user);
        List<OfflineReports.OpenReport> rows = reports.openReports(user, cycleId);
        if (rows.isEmpty()) {
            throw new NotFoundException("本单位在此周期没有待填报的报告 / your unit has no reports to fill in for cycle "
                    + cycleId);
        }
        LedgerText text = LedgerText.of(locale);
        ReportingCycle cycle = rows.get(0).report().getCycle();
        int indicators = rows.stream().mapToInt(r -> r.report().getTask().getIndicators().size()).max().orElse(0);
        FormSchema schema = forms.forTask(rows.get(0).fillTaskId());
        int columns = OfflineTemplate.columnCount(indicators);

        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(text.get("ledger.offline.sheet"));
            title(sheet, styles, text.get("ledger.offline.title", rows.get(0).report().getUnit().getName(),
                    cycle.getPeriodCode()), columns);
            note(sheet, styles, text.get("ledger.offline.note"), columns);
            header(sheet, styles, text, indicators);
            int at = OfflineTemplate.FIRST_DATA_ROW;
            int number = 0;
            for (OfflineReports.OpenReport open : rows) {
                dataRow(sheet.createRow(at++), ++number, open.report(), indicators, styles, text);
            }
            int last = at - 1;
            validations(sheet, text, schema, indicators, last);
            for (int c = 0; c < columns; c++) {
                int width = c < FIXED_WIDTHS.length ? FIXED_WIDTHS[c]
                        : (c - OfflineTemplate.FIRST_INDICATOR) % 2 == 0 ? 36 : 14;
                sheet.setColumnWidth(c, width * 256);
            }
            for (int c = OfflineTemplate.REPORT_ID; c <= OfflineTemplate.FINGERPRINT; c++) {
                sheet.setColumnHidden(c, true);
            }
            sheet.createFreezePane(OfflineTemplate.TASK + 1, OfflineTemplate.FIRST_DATA_ROW);
            marker(workbook, user.getUnitCode(), cycle, indicators);
            // the password only keeps hands off the key and the facts; nobody needs it, the upload trusts nothing
            sheet.protectSheet(UUID.randomUUID().toString());
            sheet.lockFormatRows(false);
            sheet.lockSelectLockedCells(false);
            sheet.lockSelectUnlockedCells(false);
            workbook.lockStructure();
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private static void title(XSSFSheet sheet, Styles styles, String title, int columns) {
        Row row = sheet.createRow(OfflineTemplate.TITLE_ROW);
        row.setHeightInPoints(28);
        cell(row, OfflineTemplate.NUMBER, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(OfflineTemplate.TITLE_ROW, OfflineTemplate.TITLE_ROW,
                OfflineTemplate.NUMBER, columns - 1));
    }

    private static void note(XSSFSheet sheet, Styles styles, String note, int columns) {
        Row row = sheet.createRow(OfflineTemplate.NOTE_ROW);
        row.setHeightInPoints(48);
        cell(row, OfflineTemplate.NUMBER, note, styles.note);
        sheet.addMergedRegion(new CellRangeAddress(OfflineTemplate.NOTE_ROW, OfflineTemplate.NOTE_ROW,
                OfflineTemplate.NUMBER, columns - 1));
    }

    private static void header(XSSFSheet sheet, Styles styles, LedgerText text, int indicators) {
        Row row = sheet.createRow(OfflineTemplate.HEADER_ROW);
        row.setHeightInPoints(32);
        for (int c = 0; c < OfflineTemplate.FIXED_HEADERS.size(); c++) {
            boolean editable = c >= OfflineTemplate.NARRATIVE;
            cell(row, c, text.get("ledger.offline.column." + OfflineTemplate.FIXED_HEADERS.get(c)),
                    editable ? styles.editableHeader : styles.header);
        }
        for (int i = 0; i < indicators; i++) {
            cell(row, OfflineTemplate.targetColumn(i), text.get("ledger.offline.column.indicator", i + 1),
                    styles.header);
            cell(row, OfflineTemplate.actualColumn(i), text.get("ledger.offline.column.actual", i + 1),
                    styles.editableHeader);
        }
    }

    private static void dataRow(Row row, int number, ProgressReport report, int indicators, Styles styles,
            LedgerText text) {
        KeyTask task = report.getTask();
        cell(row, OfflineTemplate.REPORT_ID, String.valueOf(report.getId()), styles.readOnly);
        cell(row, OfflineTemplate.BUSINESS_KEY, report.getBusinessKey(), styles.readOnly);
        cell(row, OfflineTemplate.FINGERPRINT, OfflineTemplate.fingerprint(report), styles.readOnly);
        cell(row, OfflineTemplate.NUMBER, String.valueOf(number), styles.readOnlyCentered);
        cell(row, OfflineTemplate.TASK, task.getNumber() + ". " + task.getTitle(), styles.readOnly);
        cell(row, OfflineTemplate.TASK_TEXT, task.getBody(), styles.readOnly);
        cell(row, OfflineTemplate.STATUS, text.status(report.getStatus()), styles.readOnlyCentered);
        cell(row, OfflineTemplate.DUE, String.valueOf(report.getDueOn()), styles.readOnlyCentered);
        cell(row, OfflineTemplate.NARRATIVE, report.getNarrative(), styles.editableText);
        number(row, OfflineTemplate.PERCENT, report.getPercentDone() == null ? null
                : BigDecimal.valueOf(report.getPercentDone()), styles.editableNumber);
        cell(row, OfflineTemplate.PROBLEMS, report.getProblems(), styles.editableText);
        cell(row, OfflineTemplate.NEXT_STEPS, report.getNextSteps(), styles.editableText);
        List<Indicator> list = task.getIndicators();
        for (int i = 0; i < indicators; i++) {
            if (i < list.size()) {
                Indicator indicator = list.get(i);
                cell(row, OfflineTemplate.targetColumn(i), target(indicator, text), styles.readOnly);
                number(row, OfflineTemplate.actualColumn(i), report.actualFor(indicator.getId())
                        .map(a -> a.getActualValue()).orElse(null), styles.editableNumber);
            } else {
                cell(row, OfflineTemplate.targetColumn(i), "", styles.absent);
                cell(row, OfflineTemplate.actualColumn(i), "", styles.absent);
            }
        }
    }

    static String target(Indicator indicator, LedgerText text) {
        String symbol = switch (indicator.getComparator()) {
            case AT_LEAST -> "≥";
            case AT_MOST -> "≤";
            case ABOUT -> "≈";
            case EXACT -> "=";
        };
        return text.get("ledger.offline.target", indicator.getPhrase(), symbol,
                indicator.getTargetValue().stripTrailingZeros().toPlainString(),
                indicator.getMeasureUnit() == null ? "" : indicator.getMeasureUnit());
    }

    /** Excel's own checks, so most mistakes are caught while typing; the form's limits where it sets them. */
    private static void validations(XSSFSheet sheet, LedgerText text, FormSchema schema, int indicators, int last) {
        if (last < OfflineTemplate.FIRST_DATA_ROW) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        validate(sheet, helper, helper.createIntegerConstraint(OperatorType.BETWEEN, "0", "100"),
                OfflineTemplate.PERCENT, OfflineTemplate.PERCENT, last, text.get("ledger.offline.check.percent"));
        if (indicators > 0) {
            for (int i = 0; i < indicators; i++) {
                validate(sheet, helper, helper.createDecimalConstraint(OperatorType.BETWEEN, "0",
                        OfflineTemplate.MAX_ACTUAL.toPlainString()), OfflineTemplate.actualColumn(i),
                        OfflineTemplate.actualColumn(i), last, text.get("ledger.offline.check.actual"));
            }
        }
        textLimit(sheet, helper, text, schema, ReportForm.NARRATIVE, OfflineTemplate.NARRATIVE, last);
        textLimit(sheet, helper, text, schema, ReportForm.PROBLEMS, OfflineTemplate.PROBLEMS, last);
        textLimit(sheet, helper, text, schema, ReportForm.NEXT_STEPS, OfflineTemplate.NEXT_STEPS, last);
    }

    private static void textLimit(XSSFSheet sheet, DataValidationHelper helper, LedgerText text, FormSchema schema,
            String key, int column, int last) {
        Integer max = schema.field(key).map(FormField::maxLength).orElse(null);
        if (max != null) {
            validate(sheet, helper, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, String.valueOf(max),
                    null), column, column, last, text.get("ledger.offline.check.length", max));
        }
    }

    private static void validate(XSSFSheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
            int firstColumn, int lastColumn, int lastRow, String message) {
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(
                OfflineTemplate.FIRST_DATA_ROW, lastRow, firstColumn, lastColumn));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("督办 Duban", message);
        validation.setShowPromptBox(false);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static void marker(XSSFWorkbook workbook, String unitCode, ReportingCycle cycle, int indicators) {
        XSSFSheet marker = workbook.createSheet(OfflineTemplate.MARKER_SHEET);
        String[][] facts = {{OfflineTemplate.MARKER, OfflineTemplate.FORMAT_VERSION}, {"unit", unitCode},
            {"cycle", String.valueOf(cycle.getId())}, {"period", cycle.getPeriodCode()},
            {"indicators", String.valueOf(indicators)}};
        for (int i = 0; i < facts.length; i++) {
            Row row = marker.createRow(i);
            row.createCell(0).setCellValue(facts[i][0]);
            row.createCell(1).setCellValue(facts[i][1]);
        }
        marker.protectSheet(UUID.randomUUID().toString());
        workbook.setSheetVisibility(workbook.getSheetIndex(marker), SheetVisibility.VERY_HIDDEN);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        OfficeSheetStyles.text(row, column, value, style);
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle editableHeader;
        final CellStyle readOnly;
        final CellStyle readOnlyCentered;
        final CellStyle editableText;
        final CellStyle editableNumber;
        final CellStyle absent;

        Styles(XSSFWorkbook workbook) {
            Font bold = OfficeSheetStyles.bold(workbook);
            title = OfficeSheetStyles.title(workbook);
            note = workbook.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.CENTER);
            header = locked(workbook, IndexedColors.GREY_25_PERCENT);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            editableHeader = locked(workbook, IndexedColors.LIGHT_GREEN);
            editableHeader.setFont(bold);
            editableHeader.setAlignment(HorizontalAlignment.CENTER);
            readOnly = locked(workbook, IndexedColors.GREY_25_PERCENT);
            readOnlyCentered = locked(workbook, IndexedColors.GREY_25_PERCENT);
            readOnlyCentered.setAlignment(HorizontalAlignment.CENTER);
            absent = locked(workbook, IndexedColors.GREY_50_PERCENT);
            editableText = OfficeSheetStyles.bordered(workbook, VerticalAlignment.TOP);
            editableText.setLocked(false);
            editableNumber = OfficeSheetStyles.bordered(workbook, VerticalAlignment.TOP);
            editableNumber.setLocked(false);
            editableNumber.setDataFormat(workbook.createDataFormat().getFormat("General"));
        }

        private static CellStyle locked(XSSFWorkbook workbook, IndexedColors color) {
            CellStyle style = OfficeSheetStyles.filled(workbook, color, VerticalAlignment.TOP);
            style.setLocked(true);
            return style;
        }
    }
}
