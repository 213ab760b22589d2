package org.duban.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The filtered audit trail as an .xlsx, streamed: SXSSF keeps a window of rows in memory and the rows come from the
 * database a chunk at a time, so a long trail exports in constant memory. The role check is the query service's.
 */
@Component
public class AuditExcelExport {

    static final int CHUNK = 500;
    private static final int WINDOW = 200;
    /** Excel refuses longer cell text. */
    private static final int MAX_CELL = 32_767;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int[] WIDTHS = {20, 18, 26, 18, 30, 50, 70};

    private final AuditQueryService audit;

    public AuditExcelExport(AuditQueryService audit) {
        this.audit = audit;
    }

    /**
     * Writes the events under the filter. {@code headers}: the seven column titles (time, actor, action, subject
     * type, subject, summary, change) in the user's language; {@code actionLabel} names an action for people.
     */
    public void write(AuditFilter filter, List<String> headers, Function<String, String> actionLabel, ZoneId zone,
            OutputStream out) throws IOException {
        if (headers.size() != WIDTHS.length) {
            throw new IllegalArgumentException("expected " + WIDTHS.length + " headers, got " + headers.size());
        }
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet("audit");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            audit.forEachChunk(filter, CHUNK, events -> {
                for (AuditEvent event : events) {
                    Row row = sheet.createRow(next[0]++);
                    String[] values = {TIME.format(event.getOccurredAt().atZone(zone)), event.getActor(),
                            actionLabel.apply(event.getAction()), event.getEntityType(), event.getEntityId(),
                            event.getSummary(), StateChange.text(event.getBeforeState(), event.getAfterState())};
                    for (int i = 0; i < values.length; i++) {
                        row.createCell(i).setCellValue(cell(values[i]));
                    }
                    row.getCell(6).setCellStyle(wrap);
                }
            });
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    public String fileName(java.time.LocalDate today) {
        return "audit-" + today + ".xlsx";
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        // always a text cell: "=cmd|..." stays text, never a formula
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }
}
