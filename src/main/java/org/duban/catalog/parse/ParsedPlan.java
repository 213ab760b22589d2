package org.duban.catalog.parse;

import java.util.List;

/**
 * A key-task document as read by {@link CatalogParser}.
 *
 * @param title          the document's title, e.g. 菏泽市建设绿色低碳高质量发展先行区2023年重点工作任务; null if none found
 * @param documentNumber e.g. 菏政办字〔2023〕13号; null if the document carries none
 * @param year           the plan year (from the title, else from the document number); null if neither has one
 * @param sections       the sections in document order
 * @param warnings       human-readable problems, each naming its line (第N行) or paragraph (第N段) and task
 */
public record ParsedPlan(String title, String documentNumber, Integer year, List<ParsedSection> sections,
        List<String> warnings) {

    public ParsedPlan {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** Every task of every section, in document order. */
    public List<ParsedTask> allTasks() {
        return sections.stream().flatMap(s -> s.tasks().stream()).toList();
    }
}
