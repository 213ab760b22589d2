package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a scanned task (its lines) into a {@link ParsedTask}: joins the lines, takes the unit clause out of the text,
 * reads the units and the indicators.
 *
 * <p>Where the units stand:
 * <ul>
 * <li>a parenthesised clause, usually at the end, possibly broken over lines and with mixed brackets
 * ({@code （牵头单位：…；参与单位：…)}); anything after it that is only punctuation (task 68's {@code ）。}) goes with it;</li>
 * <li>lines of their own under the task ({@code 牵头单位:区发改局} / {@code 责任单位：…}), read together as one clause;</li>
 * <li>an unbracketed {@code 牵头单位：…} inside the last line, read from there to the end.</li>
 * </ul>
 *
 * <p>Text: the whole statement without number and unit clause, whitespace normalised
 * ({@link TextNormalizer#normalizeText}). Title: the text up to, not including, the first 。 (the whole text if it has
 * none).
 */
final class TaskAssembler {

    private static final String LABELS = "(?:" + UnitClauseParser.LABEL_NAMES + ")";
    private static final Pattern UNIT_LINE = Pattern.compile("^" + LABELS + "\\s*[:：].*");
    private static final Pattern OTHER_LABEL_LINE = Pattern.compile("^[\\p{IsHan}]{2,8}\\s*[:：].*");
    private static final Pattern BRACKETED_CLAUSE = Pattern.compile("[（(]\\s*" + LABELS + "\\s*[:：]");
    private static final Pattern INLINE_CLAUSE = Pattern.compile("(?:牵头单位|牵头部门)\\s*[:：]");

    private final UnitClauseParser clauseParser;
    private final IndicatorExtractor indicatorExtractor;

    TaskAssembler(UnitClauseParser clauseParser, IndicatorExtractor indicatorExtractor) {
        this.clauseParser = clauseParser;
        this.indicatorExtractor = indicatorExtractor;
    }

    ParsedTask assemble(ScannedDocument.Task task, List<String> warnings) {
        String where = task.first().location() + "，任务" + task.number();
        List<SourceLine> bodyLines = new ArrayList<>();
        List<SourceLine> unitLines = new ArrayList<>();
        splitUnitLines(task.lines(), bodyLines, unitLines);

        JoinedText body = new JoinedText(bodyLines);
        String text = body.text();
        List<SourceLine> clauseLines = new ArrayList<>();
        String statement = text;

        Matcher bracketed = lastMatch(BRACKETED_CLAUSE, text);
        if (bracketed != null) {
            int open = bracketed.start();
            int close = matchingClose(text, open);
            if (close < 0) {
                warnings.add(body.locationAt(open) + "，任务" + task.number()
                        + "：单位括号没有闭合，括号后的文字都按单位读取 (unit clause not closed)");
                close = text.length();
            }
            clauseLines.addAll(body.slice(open + 1, close));
            String tail = close < text.length() ? text.substring(close + 1).replaceFirst("^[\\s。；;，,.]+", "") : "";
            statement = text.substring(0, open) + tail;
        } else {
            Matcher inline = lastMatch(INLINE_CLAUSE, text);
            if (inline != null && inline.start() > 0) {
                clauseLines.addAll(body.slice(inline.start(), text.length()));
                statement = text.substring(0, inline.start());
            }
        }
        if (!unitLines.isEmpty()) {
            if (!clauseLines.isEmpty()) {
                clauseLines.add(new SourceLine("；", unitLines.get(0).location()));
            }
            clauseLines.addAll(unitLines);
        }

        UnitAssignment units = new UnitAssignment();
        clauseParser.parse(new JoinedText(clauseLines), units);
        if (!units.isLabelled()) {
            warnings.add(where + "：未写明牵头单位或参与单位 (no unit clause)");
        } else if (units.leads().isEmpty()) {
            warnings.add(where + "：未写明牵头单位 (no lead unit)");
        }
        for (UnitAssignment.UnknownName unknown : units.unknown()) {
            warnings.add(unknown.location() + "，任务" + task.number() + "：单位“" + unknown.name()
                    + "”不在单位名录中，已按原文保留 (unknown unit, kept as written)");
        }

        String normalized = TextNormalizer.strip(TextNormalizer.normalizeText(statement));
        if (normalized.isEmpty()) {
            warnings.add(where + "：任务没有内容 (task has no text)");
        }
        int stop = normalized.indexOf('。');
        String title = stop >= 0 ? normalized.substring(0, stop) : normalized;
        return new ParsedTask(task.number(), title, normalized, units.leads(), units.participants(),
                units.unresolved(), indicatorExtractor.extract(normalized));
    }

    /** Lines that start with a unit label (no bracket) and the lines continuing them, apart from the task text. */
    private static void splitUnitLines(List<SourceLine> lines, List<SourceLine> body, List<SourceLine> units) {
        boolean inUnits = false;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (i > 0 && UNIT_LINE.matcher(line.text()).matches()) {
                if (inUnits) {
                    units.add(new SourceLine("；", line.location()));
                }
                units.add(line);
                inUnits = true;
            } else if (inUnits && !OTHER_LABEL_LINE.matcher(line.text()).matches()) {
                units.add(line); // a unit list broken over lines
            } else {
                body.add(line);
                inUnits = false;
            }
        }
    }

    private static Matcher lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        if (start < 0) {
            return null;
        }
        m.find(start);
        return m;
    }

    /** Index of the bracket closing the one at open (（ and ( are interchangeable, as the documents mix them), or -1. */
    private static int matchingClose(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
