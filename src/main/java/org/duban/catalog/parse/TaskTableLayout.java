package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Which columns of a numbered task table hold what, read from its header row (序号 | 重点任务 | 牵头单位 | 责任单位 …).
 * Columns about deadlines or remarks are ignored.
 */
record TaskTableLayout(int numberColumn, List<Integer> taskColumns, List<Integer> leadColumns,
        List<Integer> participantColumns, String participantLabel) {

    /** The layout if these header cells describe a task table, else null. */
    static TaskTableLayout detect(List<String> headers) {
        int number = -1;
        List<Integer> tasks = new ArrayList<>();
        List<Integer> leads = new ArrayList<>();
        List<Integer> participants = new ArrayList<>();
        String participantLabel = "参与单位";
        for (int i = 0; i < headers.size(); i++) {
            String h = TextNormalizer.removeSpaces(headers.get(i));
            if (h.isEmpty()) {
                continue;
            }
            if (number < 0 && (h.contains("序号") || h.equals("编号"))) {
                number = i;
            } else if (h.contains("牵头")) {
                leads.add(i);
            } else if (h.contains("责任") || h.contains("参与") || h.contains("配合") || h.contains("协办")) {
                participants.add(i);
                if (h.contains("责任")) {
                    participantLabel = "责任单位";
                }
            } else if (h.contains("时限") || h.contains("时间") || h.contains("备注") || h.contains("进度")) {
                continue;
            } else if (h.contains("任务") || h.contains("内容") || h.contains("目标") || h.contains("措施")
                    || h.contains("事项") || h.contains("工作")) {
                tasks.add(i);
            }
        }
        if (number < 0 || tasks.isEmpty() || (leads.isEmpty() && participants.isEmpty())) {
            return null;
        }
        return new TaskTableLayout(number, List.copyOf(tasks), List.copyOf(leads), List.copyOf(participants),
                participantLabel);
    }

    String cell(List<XWPFTableCell> cells, int column, Function<XWPFTableCell, String> text) {
        return column < cells.size() ? text.apply(cells.get(column)) : "";
    }

    String joined(List<XWPFTableCell> cells, List<Integer> columns, Function<XWPFTableCell, String> text) {
        List<String> parts = new ArrayList<>();
        for (int column : columns) {
            String value = cell(cells, column, text);
            if (!value.isBlank()) {
                parts.add(value);
            }
        }
        return String.join("、", parts);
    }

    /** The task columns joined; a short title column gets its 。 so the title rule (text up to the first 。) holds. */
    String taskText(List<XWPFTableCell> cells, Function<XWPFTableCell, String> text) {
        StringBuilder sb = new StringBuilder();
        for (int column : taskColumns) {
            String value = cell(cells, column, text).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (sb.length() > 0 && !endsWithStop(sb)) {
                sb.append('。');
            }
            sb.append(value);
        }
        return sb.toString();
    }

    /** A unit clause in the form the text parser reads, or nothing if the row names no unit. */
    String clause(String leads, String participants) {
        List<String> parts = new ArrayList<>();
        if (!leads.isBlank()) {
            parts.add("牵头单位：" + leads);
        }
        if (!participants.isBlank()) {
            parts.add(participantLabel + "：" + participants);
        }
        return parts.isEmpty() ? "" : "（" + String.join("；", parts) + "）";
    }

    private static boolean endsWithStop(StringBuilder sb) {
        char last = sb.charAt(sb.length() - 1);
        return last == '。' || last == '；' || last == '！' || last == '？';
    }
}
