package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts located lines into preamble, sections (一、… 十一、) and numbered tasks (1. / 1． / 1、). A task runs until the
 * next task, section or the document's trailer (抄送…, …印发). Blank lines carry no meaning: page breaks in these
 * documents fall anywhere, even inside a word.
 *
 * <p>A line that merely starts like a task ("3." in running text) is only taken as a task if its number fits: the
 * next number, 1 again at the start of a section (documents that restart numbering per section), a small gap or a
 * repetition of the last number (both warned about). Anything else stays part of the current task, with a warning.
 */
final class StructureScanner {

    /** A larger jump than this is not a numbering gap but a number in running text. */
    static final int MAX_GAP = 10;
    /** Longest section heading. */
    private static final int MAX_HEADING = 60;
    /** Longest heading that is still accepted as a section heading out of sequence. */
    private static final int MAX_LOOSE_HEADING = 40;

    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十〇]{1,3})\\s*[、．]\\s*(.*)$");
    // "1." followed by a digit is a decimal (24.18 亿), not a task number
    private static final Pattern TASK = Pattern.compile("^(\\d{1,3})\\s*(?:[.．](?![0-9])|、)\\s*(.*)$");
    private static final Pattern SUBHEADING = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]\\s*(.*)$");
    /** "— 3 —", "3", "第3页": page numbers left in text exported from a printed layout. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[—－\\-–]*\\s*\\d{1,4}\\s*[—－\\-–]*$|^第\\s*\\d+\\s*页.*$");
    private static final Pattern TRAILER = Pattern.compile(
            "^(抄送|抄报)\\s*[:：].*|^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*印发$");

    private final List<SourceLine> preamble = new ArrayList<>();
    private final List<ScannedDocument.Section> sections = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ScannedDocument.Section section;
    private ScannedDocument.Task task;
    private int lastSectionNumber;
    private int lastTaskNumber;
    private boolean anyTask;

    ScannedDocument scan(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            String text = line.text();
            if (text.isEmpty() || isPageNumber(text)) {
                continue;
            }
            if (task != null && TRAILER.matcher(text).matches()) {
                break; // 抄送 list and printing date: nothing after them belongs to a task
            }
            if (startsSection(line) || startsTask(line) || endsTaskAtSubheading(text)) {
                continue;
            }
            if (task != null) {
                task.lines().add(line);
            } else if (sections.isEmpty()) {
                preamble.add(line);
            }
            // otherwise: introductory text between a heading and its first task, not part of any task
        }
        warnIfEmpty(section);
        return new ScannedDocument(List.copyOf(preamble), List.copyOf(sections), List.copyOf(warnings));
    }

    private void warnIfEmpty(ScannedDocument.Section finished) {
        if (finished != null && finished.heading() != null && finished.tasks().isEmpty()) {
            warnings.add(finished.heading().location() + "：第" + finished.label() + "部分“" + finished.title()
                    + "”下没有任务 (section has no tasks)");
        }
    }

    private boolean isPageNumber(String text) {
        return PAGE_NUMBER.matcher(text).matches() && !TASK.matcher(text).matches();
    }

    private boolean startsSection(SourceLine line) {
        Matcher m = SECTION.matcher(line.text());
        if (!m.matches()) {
            return false;
        }
        int number = ChineseNumerals.parse(m.group(1));
        String title = m.group(2).strip();
        if (number <= 0) {
            return false;
        }
        // a heading is a phrase, not a sentence: "一、完善制度；" inside a task is a list item
        if (title.length() > MAX_HEADING || title.matches(".*[。；;].*")) {
            return false;
        }
        if (number != lastSectionNumber + 1) {
            // out of sequence, only a short heading without any punctuation counts
            if (title.length() > MAX_LOOSE_HEADING || title.matches(".*[，,：:].*")) {
                return false;
            }
            if (number == lastSectionNumber) {
                warnings.add(line.location() + "：章节编号“" + m.group(1) + "”重复 (duplicate section number)");
            } else if (number > lastSectionNumber) {
                warnings.add(line.location() + "：章节编号从“" + ChineseNumerals.format(lastSectionNumber) + "”跳到“"
                        + m.group(1) + "” (section numbering gap)");
            } else {
                warnings.add(line.location() + "：章节编号“" + m.group(1) + "”顺序不对 (section number out of order)");
            }
        }
        warnIfEmpty(section);
        section = new ScannedDocument.Section(number, m.group(1), title, line);
        sections.add(section);
        lastSectionNumber = number;
        task = null;
        return true;
    }

    private boolean startsTask(SourceLine line) {
        Matcher m = TASK.matcher(line.text());
        if (!m.matches()) {
            return false;
        }
        int number = Integer.parseInt(m.group(1));
        boolean sectionStart = section != null && section.tasks().isEmpty();
        if (!anyTask) {
            if (number != 1) {
                warnings.add(line.location() + "：第一项任务的编号是" + number + "而不是1 (first task is not numbered 1)");
            }
        } else if (number == lastTaskNumber + 1 || (number == 1 && sectionStart)) {
            // the expected next number, or numbering restarting with a new section
        } else if (number > lastTaskNumber && number <= lastTaskNumber + MAX_GAP) {
            warnings.add(line.location() + "，任务" + number + "：任务编号从" + lastTaskNumber + "跳到" + number + "，缺少"
                    + missing(lastTaskNumber + 1, number - 1) + " (task numbering gap)");
        } else if (number == lastTaskNumber) {
            warnings.add(line.location() + "，任务" + number + "：任务编号" + number + "重复 (duplicate task number)");
        } else {
            if (task != null) {
                warnings.add(line.location() + "，任务" + task.number() + "：行首“" + m.group(1)
                        + "”与任务编号顺序不符，按上一任务的正文处理 (number out of sequence, kept as text)");
            }
            return false;
        }
        if (section == null) {
            section = new ScannedDocument.Section(0, "", "", null);
            sections.add(section);
        }
        task = new ScannedDocument.Task(number, new SourceLine(m.group(2), line.location()));
        section.tasks().add(task);
        lastTaskNumber = number;
        anyTask = true;
        return true;
    }

    /**
     * （一）-style subheadings close the current task; they are not part of its text. Lines with sentence punctuation
     * are list items inside a task ("（一）完善制度；") and stay in it.
     */
    private boolean endsTaskAtSubheading(String text) {
        Matcher m = SUBHEADING.matcher(text);
        if (m.matches() && m.group(1).length() <= MAX_LOOSE_HEADING && !m.group(1).matches(".*[。；;，,：:].*")) {
            task = null;
            return true;
        }
        return false;
    }

    private static String missing(int from, int to) {
        return from == to ? String.valueOf(from) : from + "—" + to;
    }
}
