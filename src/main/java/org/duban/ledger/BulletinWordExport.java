package org.duban.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/** A cycle's bulletin (通报) as a .docx: title, the cycle's totals, the ranking table, the units under 督办. */
@Component
public class BulletinWordExport {

    static final String[] COLUMNS = {"rank", "unit", "reports", "due", "onTime", "rate", "returns", "urges",
        "escalations"};

    public String fileName(CycleBulletin bulletin, Locale locale) {
        return LedgerText.of(locale).get("ledger.bulletin.file", bulletin.periodCode()) + ".docx";
    }

    public void write(CycleBulletin bulletin, Locale locale, OutputStream out) throws IOException {
        LedgerText text = LedgerText.of(locale);
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, text.get("ledger.bulletin.title", bulletin.periodCode()), true, 18);

            XWPFParagraph source = doc.createParagraph();
            source.setAlignment(ParagraphAlignment.CENTER);
            run(source, text.get("ledger.bulletin.source", bulletin.planDocument(), bulletin.asOf().toString()),
                    false, 11);

            XWPFParagraph summary = doc.createParagraph();
            summary.setFirstLineIndent(480);
            int due = bulletin.totalDue();
            String rate = due == 0 ? "—" : String.valueOf(Math.round(bulletin.totalOnTime() * 1000.0 / due) / 10.0);
            run(summary, text.get("ledger.bulletin.summary", bulletin.ranking().size(), bulletin.totalReports(),
                    due, bulletin.totalOnTime(), rate, bulletin.totalReturns(), bulletin.totalEscalations(),
                    bulletin.dueOn().toString()), false, 12);

            XWPFParagraph heading = doc.createParagraph();
            run(heading, text.get("ledger.bulletin.rankingHeading"), true, 14);
            rankingTable(doc, bulletin.ranking(), text);

            List<UnitPerformance> escalated = bulletin.ranking().stream().filter(u -> u.escalations() > 0).toList();
            XWPFParagraph closing = doc.createParagraph();
            closing.setFirstLineIndent(480);
            run(closing, escalated.isEmpty() ? text.get("ledger.bulletin.noEscalations")
                    : text.get("ledger.bulletin.escalated", String.join("、", escalated.stream()
                            .map(u -> u.unitName() + "（" + u.escalations() + "）").toList())), false, 12);
            doc.write(out);
        }
    }

    private static void rankingTable(XWPFDocument doc, List<UnitPerformance> ranking, LedgerText text) {
        XWPFTable table = doc.createTable(ranking.size() + 1, COLUMNS.length);
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            set(header.getCell(i), text.get("ledger.bulletin.column." + COLUMNS[i]), true);
        }
        for (int r = 0; r < ranking.size(); r++) {
            UnitPerformance u = ranking.get(r);
            Double rate = u.onTimeRate();
            String[] values = {String.valueOf(u.rank()), u.unitName(), String.valueOf(u.reports()),
                String.valueOf(u.due()), String.valueOf(u.onTime()), rate == null ? "—" : rate + "%",
                String.valueOf(u.returns()), String.valueOf(u.urges()), String.valueOf(u.escalations())};
            XWPFTableRow row = table.getRow(r + 1);
            for (int i = 0; i < values.length; i++) {
                set(row.getCell(i), values[i], false);
            }
        }
        table.setCellMargins(40, 80, 40, 80);
    }

    private static void set(XWPFTableCell cell, String value, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, value, bold, 10);
    }

    private static void run(XWPFParagraph paragraph, String value, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(value);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily("宋体");
    }
}
