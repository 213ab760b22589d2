package org.duban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.catalog.parse.ParsedSection;
import org.duban.catalog.parse.ParsedTask;

/**
 * A plan's catalog reduced to comparable values, built either from a parsed document or from the stored plan, so a
 * second import of the same plan can list what differs without touching anything.
 */
record CatalogSnapshot(Map<Integer, String> sections, Map<Integer, TaskValues> tasks) {

    record TaskValues(int section, String title, String text, List<String> leads, List<String> participants,
            List<String> unresolved, List<String> indicators) {
    }

    static CatalogSnapshot of(ParsedPlan plan) {
        Map<Integer, String> sections = new LinkedHashMap<>();
        Map<Integer, TaskValues> tasks = new LinkedHashMap<>();
        for (ParsedSection section : plan.sections()) {
            sections.put(section.number(), section.title());
            for (ParsedTask task : section.tasks()) {
                tasks.put(task.number(), new TaskValues(section.number(), task.title(), task.text(),
                        task.leadUnits(), task.participatingUnits(), task.unresolved(),
                        task.indicators().stream()
                                .map(i -> indicator(i.value(), i.unit(), i.comparator().name()))
                                .toList()));
            }
        }
        return new CatalogSnapshot(sections, tasks);
    }

    static CatalogSnapshot of(Plan plan) {
        Map<Integer, String> sections = new LinkedHashMap<>();
        Map<Integer, TaskValues> tasks = new LinkedHashMap<>();
        for (PlanSection section : plan.getSections()) {
            sections.put(section.getNumber(), section.getTitle());
            for (KeyTask task : section.getTasks()) {
                tasks.put(task.getNumber(), new TaskValues(section.getNumber(), task.getTitle(), task.getBody(),
                        names(task, AssignmentRole.PRIMARY_LEAD, AssignmentRole.LEAD),
                        names(task, AssignmentRole.PARTICIPANT),
                        task.getOpenTokens().stream().map(TaskOpenToken::getToken).toList(),
                        task.getIndicators().stream()
                                .map(i -> indicator(i.getTargetValue(), i.getMeasureUnit(), i.getComparator().name()))
                                .toList()));
            }
        }
        return new CatalogSnapshot(sections, tasks);
    }

    private static List<String> names(KeyTask task, AssignmentRole... roles) {
        List<AssignmentRole> wanted = List.of(roles);
        return task.getAssignments().stream()
                .filter(a -> wanted.contains(a.getRole()))
                .map(a -> a.getUnit().getName())
                .toList();
    }

    private static String indicator(java.math.BigDecimal value, String unit, String comparator) {
        return value.stripTrailingZeros().toPlainString() + Objects.toString(unit, "") + " " + comparator;
    }

    /** Human-readable differences from {@code this} (stored) to {@code incoming}; empty when they agree. */
    List<String> differencesTo(CatalogSnapshot incoming) {
        List<String> out = new ArrayList<>();
        sections.forEach((no, title) -> {
            String other = incoming.sections.get(no);
            if (other == null) {
                out.add("第" + no + "部分已不在新文件中: " + title);
            } else if (!other.equals(title)) {
                out.add("第" + no + "部分标题: “" + title + "” → “" + other + "”");
            }
        });
        incoming.sections.forEach((no, title) -> {
            if (!sections.containsKey(no)) {
                out.add("新增第" + no + "部分: " + title);
            }
        });
        tasks.forEach((no, stored) -> {
            TaskValues other = incoming.tasks.get(no);
            if (other == null) {
                out.add("任务" + no + "已不在新文件中: " + stored.title());
                return;
            }
            compare(out, no, "所属部分", stored.section(), other.section());
            compare(out, no, "标题", stored.title(), other.title());
            compare(out, no, "正文", stored.text(), other.text());
            compareList(out, no, "牵头单位", stored.leads(), other.leads());
            compareList(out, no, "参与单位", stored.participants(), other.participants());
            compareList(out, no, "待定单位", stored.unresolved(), other.unresolved());
            compareList(out, no, "指标", stored.indicators(), other.indicators());
        });
        incoming.tasks.forEach((no, task) -> {
            if (!tasks.containsKey(no)) {
                out.add("新增任务" + no + ": " + task.title());
            }
        });
        return out;
    }

    private static void compare(List<String> out, int task, String field, Object stored, Object incoming) {
        if (!Objects.equals(stored, incoming)) {
            String from = abbreviate(String.valueOf(stored));
            String to = abbreviate(String.valueOf(incoming));
            out.add("任务" + task + " " + field + ": “" + from + "” → “" + to + "”");
        }
    }

    private static void compareList(List<String> out, int task, String field, List<String> stored,
            List<String> incoming) {
        if (stored.equals(incoming)) {
            return;
        }
        String added = incoming.stream().filter(s -> !stored.contains(s)).collect(Collectors.joining("、"));
        String removed = stored.stream().filter(s -> !incoming.contains(s)).collect(Collectors.joining("、"));
        StringBuilder line = new StringBuilder("任务" + task + " " + field + ":");
        if (!added.isEmpty()) {
            line.append(" 新增 ").append(added);
        }
        if (!removed.isEmpty()) {
            line.append(" 删除 ").append(removed);
        }
        if (added.isEmpty() && removed.isEmpty()) {
            line.append(" 顺序变化 ").append(String.join("、", incoming));
        }
        out.add(line.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
