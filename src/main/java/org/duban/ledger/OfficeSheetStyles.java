package org.duban.ledger;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles the supervision office's sheets share (the ledger export, the offline template): 宋体, a big bold
 * centred title, thin borders with wrapped text, filled header and marker cells.
 */
public final class OfficeSheetStyles {

    private OfficeSheetStyles() {
    }

    /** Bold 宋体, for headers and section rows. */
    public static Font bold(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setFontName("宋体");
        return bold;
    }

    /** The sheet's title: 16 pt bold 宋体, centred. */
    public static CellStyle title(Workbook workbook) {
        Font big = bold(workbook);
        big.setFontHeightInPoints((short) 16);
        CellStyle title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        return title;
    }

    /** Thin borders on all sides, wrapped text. */
    public static CellStyle bordered(Workbook workbook, VerticalAlignment vertical) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(vertical);
        style.setWrapText(true);
        return style;
    }

    /** Bordered and filled with a solid colour. */
    public static CellStyle filled(Workbook workbook, IndexedColors color, VerticalAlignment vertical) {
        CellStyle style = bordered(workbook, vertical);
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** A text cell; null leaves it blank but styled. */
    public static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }
}
