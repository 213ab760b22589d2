package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, document number and year from the preamble (the lines before the first section).
 *
 * <p>Title: the block of short heading lines directly above the first section or its introductory paragraph (in the
 * seed: 菏泽市建设绿色低碳高质量发展先行区 / 2023 年重点工作任务), joined and normalised. Issuer lines, dates, the
 * document number and parenthesised remarks end the block. Without such a block, the 《…》 name quoted in the notice
 * (…已经…审议通过 / 印发), then the X in 关于印发X的通知.
 *
 * <p>Year: the first year in the title, else the year of the document number.
 */
final class PlanHeaderExtractor {

    /** Longer lines are prose, not title lines. */
    private static final int MAX_TITLE_LINE = 60;

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "^([\\p{IsHan}]{1,12})\\s*[〔\\[［【(（]\\s*(\\d{4})\\s*[〕\\]］】)）]\\s*(\\d{1,4})\\s*号");
    private static final Pattern DATE = Pattern.compile("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?.*");
    private static final Pattern ISSUER = Pattern.compile(".*(办公室|办公厅|人民政府|委员会|政府)$");
    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]{4,80})》");
    private static final Pattern NOTICE = Pattern.compile("关于印发(.{4,80}?)的通知");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");

    private PlanHeaderExtractor() {
    }

    static PlanHeader extract(List<SourceLine> preamble) {
        String documentNumber = documentNumber(preamble);
        String title = titleBlock(preamble);
        if (title == null) {
            title = quotedName(preamble);
        }
        Integer year = null;
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
            }
        }
        if (year == null && documentNumber != null) {
            Matcher m = Pattern.compile("〔(\\d{4})〕").matcher(documentNumber);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
            }
        }
        return new PlanHeader(title, documentNumber, year);
    }

    /** The number the document itself carries: a line that starts with it (a cited 国发〔2022〕18号 does not count). */
    private static String documentNumber(List<SourceLine> preamble) {
        for (SourceLine line : preamble) {
            Matcher m = DOCUMENT_NUMBER.matcher(line.text());
            if (m.find()) {
                // the official brackets are 〔〕, whatever the typist used
                return m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
            }
        }
        return null;
    }

    private static String titleBlock(List<SourceLine> preamble) {
        List<String> block = new ArrayList<>();
        for (int i = preamble.size() - 1; i >= 0; i--) {
            String text = preamble.get(i).text();
            if (isTitleLine(text)) {
                block.add(text);
            } else if (!block.isEmpty()) {
                break;
            } else if (!isProse(text)) {
                return null; // a date, a remark or a document number right above the sections: no title block
            }
        }
        if (block.isEmpty()) {
            return null;
        }
        Collections.reverse(block);
        return TextNormalizer.normalizeText(String.join("", block));
    }

    private static boolean isTitleLine(String text) {
        return text.length() >= 4 && text.length() <= MAX_TITLE_LINE
                && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                && !text.matches(".*[。，,：:；;].*")
                && !text.startsWith("（") && !text.startsWith("(")
                && !text.endsWith("通知")
                && !DATE.matcher(text).matches()
                && !DOCUMENT_NUMBER.matcher(text).find()
                && !ISSUER.matcher(text).matches();
    }

    /** An introductory paragraph between title and first section (为深入贯彻…制定任务如下：). */
    private static boolean isProse(String text) {
        return text.length() > MAX_TITLE_LINE || text.endsWith("：") || text.endsWith(":") || text.endsWith("。");
    }

    private static String quotedName(List<SourceLine> preamble) {
        for (SourceLine line : preamble) {
            String text = line.text();
            if (text.contains("已经") || text.contains("印发")) {
                Matcher m = BOOK_TITLE.matcher(text);
                if (m.find()) {
                    return TextNormalizer.normalizeText(m.group(1));
                }
            }
        }
        for (SourceLine line : preamble) {
            Matcher m = NOTICE.matcher(TextNormalizer.normalizeText(line.text()));
            if (m.find()) {
                return m.group(1).replaceAll("[《》]", "");
            }
        }
        return null;
    }
}
