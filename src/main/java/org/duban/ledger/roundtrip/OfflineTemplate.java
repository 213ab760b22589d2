package org.duban.ledger.roundtrip;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;
import org.duban.reporting.IndicatorActual;
import org.duban.reporting.ProgressReport;

/**
 * The layout of the offline fill-in template, shared by the export and the upload so both read the same columns.
 * Columns A–C are the hidden, locked key of a row (report id, business key, fingerprint of the content at download);
 * then read-only facts, the editable fields, and per indicator a read-only target and an editable actual value.
 */
final class OfflineTemplate {

    /** Marker sheet (very hidden): says the workbook is our template, for which unit and cycle, with how many indicators. */
    static final String MARKER_SHEET = "duban";
    static final String MARKER = "DUBAN-OFFLINE-TEMPLATE";
    static final String FORMAT_VERSION = "1";

    static final int TITLE_ROW = 0;
    static final int NOTE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;

    static final int REPORT_ID = 0;
    static final int BUSINESS_KEY = 1;
    static final int FINGERPRINT = 2;
    static final int NUMBER = 3;
    static final int TASK = 4;
    static final int TASK_TEXT = 5;
    static final int STATUS = 6;
    static final int DUE = 7;
    static final int NARRATIVE = 8;
    static final int PERCENT = 9;
    static final int PROBLEMS = 10;
    static final int NEXT_STEPS = 11;
    static final int FIRST_INDICATOR = 12;

    /** Keys of the fixed columns' headers in the ledger bundle, in column order. */
    static final List<String> FIXED_HEADERS = List.of("reportId", "businessKey", "fingerprint", "no", "task",
            "taskText", "status", "due", "narrative", "percent", "problems", "nextSteps");

    /** Largest actual value a report can store (precision 19, scale 4). */
    static final BigDecimal MAX_ACTUAL = new BigDecimal("999999999999999");
    static final int MAX_DECIMALS = 4;

    private OfflineTemplate() {
    }

    /** Column of indicator {@code index} (0-based)'s target text. */
    static int targetColumn(int index) {
        return FIRST_INDICATOR + 2 * index;
    }

    /** Column of indicator {@code index} (0-based)'s actual value. */
    static int actualColumn(int index) {
        return FIRST_INDICATOR + 2 * index + 1;
    }

    static int columnCount(int indicators) {
        return FIRST_INDICATOR + 2 * indicators;
    }

    static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /**
     * What the clerk's fields held when the template was made. The upload refuses a row whose report changed since
     * (someone saved online meanwhile), rather than overwrite that work; the version counter would also change on
     * escalations, which must not block an upload.
     */
    static String fingerprint(ProgressReport report) {
        StringBuilder s = new StringBuilder();
        s.append(report.getId()).append('\u0001').append(nullSafe(report.getNarrative())).append('\u0001')
                .append(report.getPercentDone()).append('\u0001').append(nullSafe(report.getProblems()))
                .append('\u0001').append(nullSafe(report.getNextSteps()));
        Map<Long, String> actuals = new TreeMap<>();
        for (IndicatorActual a : report.getActuals()) {
            actuals.put(a.getIndicator().getId(), a.getActualValue() == null ? ""
                    : a.getActualValue().stripTrailingZeros().toPlainString());
        }
        actuals.forEach((id, v) -> s.append('\u0001').append(id).append('=').append(v));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
