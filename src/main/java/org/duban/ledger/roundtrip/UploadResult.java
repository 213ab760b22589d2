package org.duban.ledger.roundtrip;

import java.util.List;

/**
 * The outcome of one uploaded template: the rows saved as drafts, rows left as they were (nothing changed or nothing
 * filled in), and every error by row and column. A row with any error was not written at all.
 */
public record UploadResult(String unitCode, String periodCode, List<SavedRow> saved, List<Integer> unchangedRows,
        List<CellError> errors) {

    /** A row written as a draft, for the clerk to open, check and submit in the report form. */
    public record SavedRow(int row, Long reportId, String businessKey, String taskLabel) {
    }

    public UploadResult {
        saved = List.copyOf(saved);
        unchangedRows = List.copyOf(unchangedRows);
        errors = List.copyOf(errors);
    }

    /** Number of rows with at least one error. */
    public int rowsWithErrors() {
        return (int) errors.stream().mapToInt(CellError::row).distinct().count();
    }
}
