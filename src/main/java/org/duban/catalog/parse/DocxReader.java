package org.duban.catalog.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;

/**
 * Reads a .docx with Apache POI (which refuses external entities itself) into located lines. Paragraphs become lines,
 * Word's automatic list numbering is written out (so an auto-numbered "1." still starts a task), and a table with
 * 序号 / 任务 / 牵头单位 / 责任单位 columns becomes one task line per row, with a unit clause built from its columns.
 * Other tables are read cell by cell.
 */
final class DocxReader {

    private static final Pattern ARABIC_NUMBER = Pattern.compile("(\\d{1,3})[.．、]?");
    private static final Pattern CHINESE_NUMBER = Pattern.compile("([一二三四五六七八九十]{1,3})[、.．]?");
    private static final Set<String> CHINESE_FORMATS = Set.of("chineseCounting", "chineseCountingThousand",
            "chineseLegalSimplified", "ideographTraditional", "japaneseCounting", "taiwaneseCounting",
            "taiwaneseCountingThousand", "ideographDigital");

    private final List<SourceLine> lines = new ArrayList<>();
    /** Word list counters: numId → count per indentation level. */
    private final Map<BigInteger, int[]> listCounters = new HashMap<>();
    private int paragraphNo;
    private int tableNo;

    private DocxReader() {
    }

    static List<SourceLine> read(byte[] content, String fileName) throws CatalogParseException {
        DocxReader reader = new DocxReader();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    reader.paragraph(paragraph);
                } else if (element instanceof XWPFTable table) {
                    reader.table(table);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CatalogParseException("不是有效的 .docx 文件 / not a valid .docx document: " + fileName + " ("
                    + describe(e) + ")", e);
        }
        if (reader.lines.stream().allMatch(l -> l.text().isEmpty())) {
            throw new CatalogParseException("文件为空（.docx 中没有文字） / file is empty (no text in the .docx): " + fileName);
        }
        return reader.lines;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s+", " ");
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }

    private void paragraph(XWPFParagraph paragraph) {
        paragraphNo++;
        String text = listPrefix(paragraph) + paragraph.getText();
        for (String part : text.split("\r\n|\r|\n|\u000B", -1)) {
            lines.add(new SourceLine(TextNormalizer.normalizeLine(part), "第" + paragraphNo + "段"));
        }
    }

    /** The number Word would display for an auto-numbered paragraph (decimal or Chinese), else nothing. */
    private String listPrefix(XWPFParagraph paragraph) {
        try {
            BigInteger numId = paragraph.getNumID();
            if (numId == null) {
                return "";
            }
            BigInteger ilvl = paragraph.getNumIlvl();
            int level = ilvl == null ? 0 : Math.min(ilvl.intValue(), 8); // Word reads a missing level as 0
            CTLvl definition = levelDefinition(paragraph.getDocument().getNumbering(), numId, level);
            if (definition == null || definition.getNumFmt() == null || definition.getNumFmt().getVal() == null) {
                return "";
            }
            int[] counts = listCounters.computeIfAbsent(numId, k -> new int[9]);
            if (counts[level] == 0 && definition.getStart() != null && definition.getStart().getVal() != null) {
                counts[level] = definition.getStart().getVal().intValue() - 1;
            }
            counts[level]++;
            for (int deeper = level + 1; deeper < counts.length; deeper++) {
                counts[deeper] = 0;
            }
            String format = definition.getNumFmt().getVal().toString();
            if ("decimal".equals(format)) {
                return counts[level] + ". ";
            }
            if (CHINESE_FORMATS.contains(format)) {
                return ChineseNumerals.format(counts[level]) + "、";
            }
            return "";
        } catch (RuntimeException e) {
            // numbering part missing or malformed: the paragraph text is still worth reading
            return "";
        }
    }

    private static CTLvl levelDefinition(XWPFNumbering numbering, BigInteger numId, int level) {
        if (numbering == null) {
            return null;
        }
        XWPFNum num = numbering.getNum(numId);
        if (num == null || num.getCTNum().getAbstractNumId() == null) {
            return null;
        }
        XWPFAbstractNum abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
        if (abstractNum == null) {
            return null;
        }
        for (CTLvl candidate : abstractNum.getAbstractNum().getLvlArray()) {
            BigInteger candidateLevel = candidate.getIlvl();
            if (candidateLevel != null && candidateLevel.intValue() == level) {
                return candidate;
            }
        }
        return null;
    }

    private void table(XWPFTable table) {
        tableNo++;
        List<XWPFTableRow> rows = table.getRows();
        TaskTableLayout layout = null;
        for (int r = 0; r < rows.size(); r++) {
            String location = "表" + tableNo + "第" + (r + 1) + "行";
            List<XWPFTableCell> cells = rows.get(r).getTableCells();
            if (layout == null) {
                layout = TaskTableLayout.detect(cells.stream().map(c -> cellText(c, "")).toList());
                if (layout != null) {
                    continue; // the header row itself
                }
                plainRow(cells, location);
            } else {
                taskRow(layout, cells, location);
            }
        }
    }

    private void plainRow(List<XWPFTableCell> cells, String location) {
        for (XWPFTableCell cell : cells) {
            for (XWPFParagraph p : cell.getParagraphs()) {
                lines.add(new SourceLine(TextNormalizer.normalizeLine(p.getText()), location));
            }
        }
    }

    private void taskRow(TaskTableLayout layout, List<XWPFTableCell> cells, String location) {
        String number = TextNormalizer.normalizeLine(layout.cell(cells, layout.numberColumn(), c -> cellText(c, "")));
        String task = layout.taskText(cells, c -> cellText(c, ""));
        String leads = layout.joined(cells, layout.leadColumns(), c -> cellText(c, "、"));
        String participants = layout.joined(cells, layout.participantColumns(), c -> cellText(c, "、"));

        var arabic = ARABIC_NUMBER.matcher(number);
        var chinese = CHINESE_NUMBER.matcher(number);
        if (arabic.matches()) {
            lines.add(new SourceLine(arabic.group(1) + ". " + task + layout.clause(leads, participants), location));
        } else if (chinese.matches()) {
            // a section row inside the table: 一 | 稳定经济增长
            lines.add(new SourceLine(chinese.group(1) + "、" + task, location));
        } else {
            // a row without a number: a heading spanning the table, or the continuation of a merged task row
            String all = String.join("", cells.stream().map(c -> cellText(c, "")).toList());
            lines.add(new SourceLine(TextNormalizer.normalizeLine(all), location));
        }
    }

    /** A cell's paragraphs joined: without separator for prose, with 、 for unit lists (one unit per paragraph). */
    private static String cellText(XWPFTableCell cell, String separator) {
        List<String> parts = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            String text = TextNormalizer.normalizeLine(p.getText());
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(separator, parts);
    }
}
