package org.duban.ledger.roundtrip;

/**
 * What is wrong with one cell of an uploaded template.
 *
 * @param row    the row number as Excel shows it (1-based)
 * @param column the column letter as Excel shows it (A, B, … AA), or null when the whole row is meant
 */
public record CellError(int row, String column, String message) {

    /** e.g. 第5行 F列：应为数字 (Chinese) or Row 5, column F: … (English). */
    public String describe(java.util.Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        if (column == null) {
            return english ? "Row " + row + ": " + message : "第" + row + "行：" + message;
        }
        return english ? "Row " + row + ", column " + column + ": " + message
                : "第" + row + "行 " + column + "列：" + message;
    }
}
