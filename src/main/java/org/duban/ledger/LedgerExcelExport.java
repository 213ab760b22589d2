package org.duban.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The ledger as an .xlsx in the layout offices use: a title, the header 序号 任务 牵头单位 参与单位 本期进展 指标完成情况
 * 状态 备注 (frozen), a merged heading row per group (section by default), one row per report. Streamed with SXSSF:
 * only a window of rows is in memory, and rows are read from the database chunk by chunk.
 */
@Component
public class LedgerExcelExport {

    static final String[] COLUMNS = {"no", "task", "leads", "units", "progress", "indicators", "status", "remarks"};
    /** Widths in "half-width characters" (a Chinese character counts two), min and max per column. */
    private static final int[] MIN_WIDTH = {6, 24, 16, 12, 30, 24, 12, 24};
    private static final int[] MAX_WIDTH = {8, 48, 36, 24, 70, 56, 20, 56};
    static final int HEADER_ROW = 1;
    private static final int CHUNK = 500;
    private static final int WINDOW = 200;

    private final LedgerService ledger;

    public LedgerExcelExport(LedgerService ledger) {
        this.ledger = ledger;
    }

    public String fileName(String title) {
        return title.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + ".xlsx";
    }

    /** Writes the rows the current user sees under the filter; {@code title} heads the sheet. */
    public void write(LedgerFilter filter, String title, Locale locale, OutputStream out) throws IOException {
        LedgerText text = LedgerText.of(locale);
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(text.get("ledger.export.sheet"));
            Styles styles = new Styles(workbook);
            int[] widths = MIN_WIDTH.clone();

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(28);
            cell(titleRow, 0, title, styles.title);
            sheet.addMergedRegionUnsafe(new CellRangeAddress(0, 0, 0, COLUMNS.length - 1));

            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(22);
            for (int i = 0; i < COLUMNS.length; i++) {
                String label = text.get("ledger.export.column." + COLUMNS[i]);
                cell(header, i, label, styles.header);
                widths[i] = Math.max(widths[i], width(label) + 2);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);

            State state = new State();
            state.next = HEADER_ROW + 1;
            ledger.forEachChunk(filter, CHUNK, rows -> {
                for (LedgerRow row : rows) {
                    String group = groupLabel(row, filter.grouping(), text);
                    if (!Objects.equals(group, state.group)) {
                        Row heading = sheet.createRow(state.next);
                        heading.setHeightInPoints(20);
                        cell(heading, 0, group, styles.section);
                        for (int i = 1; i < COLUMNS.length; i++) {
                            cell(heading, i, "", styles.section);
                        }
                        sheet.addMergedRegionUnsafe(new CellRangeAddress(state.next, state.next, 0,
                                COLUMNS.length - 1));
                        state.next++;
                        state.group = group;
                    }
                    state.number++;
                    String[] values = values(row, state.number, filter, text);
                    Row line = sheet.createRow(state.next++);
                    for (int i = 0; i < values.length; i++) {
                        CellStyle style = i == 0 ? styles.centered
                                : i == 6 ? styles.light(row.light().light()) : styles.wrapped;
                        cell(line, i, values[i], style);
                        widths[i] = Math.max(widths[i], width(values[i]) + 2);
                    }
                }
            });
            for (int i = 0; i < COLUMNS.length; i++) {
                sheet.setColumnWidth(i, Math.min(widths[i], MAX_WIDTH[i]) * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, COLUMNS.length - 1));
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static final class State {
        int next;
        int number;
        String group;
    }

    static String groupLabel(LedgerRow row, LedgerGrouping grouping, LedgerText text) {
        return switch (grouping) {
            case SECTION -> row.sectionLabel() + "、" + row.sectionTitle();
            case LEAD_UNIT -> text.get("ledger.group.leadUnit", row.primaryLeadName() == null
                    ? text.get("ledger.group.noLead") : row.primaryLeadName());
            case UNIT -> row.unitName();
            case CYCLE -> row.periodCode();
        };
    }

    private static String[] values(LedgerRow row, int number, LedgerFilter filter, LedgerText text) {
        StringBuilder progress = new StringBuilder(row.narrative() == null ? "" : row.narrative().strip());
        if (row.percentDone() != null) {
            progress.append(progress.isEmpty() ? "" : "\n").append(text.get("ledger.export.percent",
                    row.percentDone()));
        }
        if (row.problems() != null && !row.problems().isBlank()) {
            progress.append(progress.isEmpty() ? "" : "\n").append(text.get("ledger.export.problems",
                    row.problems().strip()));
        }
        if (progress.isEmpty()) {
            progress.append(text.status(row.status()));
        }
        List<String> remarks = new ArrayList<>();
        if (filter.cycleId() == null) {
            remarks.add(text.get("ledger.export.cycle", row.periodCode()));
        }
        remarks.add(text.explain(row.light()));
        return new String[] {String.valueOf(number), row.taskLabel(), String.join("、", row.leadUnits()),
                row.unitName(), progress.toString(), indicators(row, text),
                text.light(row.light().light()) + " · " + text.status(row.status()), String.join("\n", remarks)};
    }

    static String indicators(LedgerRow row, LedgerText text) {
        if (row.indicators().isEmpty()) {
            return text.get("ledger.export.noIndicators");
        }
        return row.indicators().stream().map(i -> text.get("ledger.export.indicator", i.phrase(),
                        i.actual() == null ? text.get("ledger.export.notReported") : plain(i.actual()),
                        plain(i.target()), i.measureUnit() == null ? "" : i.measureUnit()))
                .collect(Collectors.joining("\n"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** Display width of the longest line: full-width (CJK) characters count two. */
    static int width(String value) {
        int widest = 0;
        for (String line : value.split("\n")) {
            int w = 0;
            for (int i = 0; i < line.length(); i++) {
                w += line.charAt(i) > 0x2E80 ? 2 : 1;
            }
            widest = Math.max(widest, w);
        }
        return widest;
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle section;
        final CellStyle wrapped;
        final CellStyle centered;
        final CellStyle red;
        final CellStyle yellow;
        final CellStyle green;

        Styles(SXSSFWorkbook workbook) {
            Font bold = OfficeSheetStyles.bold(workbook);
            title = OfficeSheetStyles.title(workbook);
            header = OfficeSheetStyles.filled(workbook, IndexedColors.GREY_25_PERCENT, VerticalAlignment.CENTER);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            section = OfficeSheetStyles.filled(workbook, IndexedColors.LIGHT_CORNFLOWER_BLUE, VerticalAlignment.CENTER);
            section.setFont(bold);
            wrapped = OfficeSheetStyles.bordered(workbook, VerticalAlignment.CENTER);
            centered = OfficeSheetStyles.bordered(workbook, VerticalAlignment.CENTER);
            centered.setAlignment(HorizontalAlignment.CENTER);
            red = lightStyle(workbook, IndexedColors.ROSE);
            yellow = lightStyle(workbook, IndexedColors.LIGHT_YELLOW);
            green = lightStyle(workbook, IndexedColors.LIGHT_GREEN);
        }

        CellStyle light(Light light) {
            return switch (light) {
                case RED -> red;
                case YELLOW -> yellow;
                case GREEN -> green;
            };
        }

        private static CellStyle lightStyle(SXSSFWorkbook workbook, IndexedColors color) {
            CellStyle style = OfficeSheetStyles.filled(workbook, color, VerticalAlignment.CENTER);
            style.setAlignment(HorizontalAlignment.CENTER);
            return style;
        }
    }
}
