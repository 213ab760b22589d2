package org.duban.catalog.parse;

import java.util.List;
import java.util.Objects;

/**
 * A numbered part of the document (一、… 十一、).
 *
 * @param number the section number (十一 → 11); 0 for tasks that stand before any section heading
 * @param label  the numeral as printed ("十一"); empty for the implicit section 0
 * @param title  the heading text after 、; empty for the implicit section 0
 * @param tasks  the tasks of the section in document order
 */
public record ParsedSection(int number, String label, String title, List<ParsedTask> tasks) {

    public ParsedSection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(title, "title");
        tasks = List.copyOf(tasks);
    }
}
